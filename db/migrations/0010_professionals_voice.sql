CREATE TABLE `professional_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`learned` text,
	`learned_text` text,
	`will_change` text,
	`comment` text,
	`locale` text NOT NULL,
	`device_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `professional_feedback_one_per_device` ON `professional_feedback` (`session_id`,`device_hash`);--> statement-breakpoint
CREATE INDEX `professional_feedback_session` ON `professional_feedback` (`session_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `for_professionals` integer DEFAULT false NOT NULL;