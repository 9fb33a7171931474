CREATE TABLE `development_clients` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`languages` text NOT NULL,
	`locale` text NOT NULL,
	`token_hash` text NOT NULL,
	`consented_on` integer NOT NULL,
	`confirmed_on` integer,
	`delete_after` integer NOT NULL,
	`renewed_on` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `development_clients_token_hash_unique` ON `development_clients` (`token_hash`);--> statement-breakpoint
CREATE TABLE `feedback_quiet` (
	`marker` text PRIMARY KEY NOT NULL,
	`until` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `panel_invitations` (
	`client_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`invited_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`client_id`, `session_id`),
	FOREIGN KEY (`client_id`) REFERENCES `development_clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
CREATE TABLE `reach_session_channels` (
	`session_id` integer NOT NULL,
	`channel` text NOT NULL,
	`anon_first` integer NOT NULL,
	PRIMARY KEY(`session_id`, `channel`)
);
--> statement-breakpoint
ALTER TABLE `bookings` ADD `heard_from` text;--> statement-breakpoint
ALTER TABLE `reach_person_visits` ADD `channel` text;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `not_asked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `for_professionals` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `feedback_not_asked` integer;--> statement-breakpoint
ALTER TABLE `visits` ADD `heard_from` text;
--> statement-breakpoint
-- Appended by hand: "WITHOUT ROWID" above (see db/schema.ts, feedbackQuiet), and the reach summaries
-- rebuild a session when closing records how many of its parents were not asked for feedback.
CREATE TRIGGER `reach_sessions_not_asked` AFTER UPDATE OF feedback_not_asked ON sessions BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.id WHERE new.id IS NOT NULL;
END;
