CREATE TABLE `concern_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concern_id` integer NOT NULL,
	`actor_id` text NOT NULL,
	`note` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer,
	`text` text NOT NULL,
	`contact` text,
	`locale` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `concerns_status` ON `concerns` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `feedback_links` (
	`key` text PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_links_session` ON `feedback_links` (`session_id`);--> statement-breakpoint
CREATE TABLE `feedback_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`rating` integer,
	`got_information` text,
	`less_alone` text,
	`would_return` text,
	`comment` text,
	`locale` text NOT NULL,
	`device_hash` text NOT NULL,
	`handled_at` integer,
	`handled_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "feedback_rating" CHECK("feedback_responses"."rating" IS NULL OR "feedback_responses"."rating" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_one_per_device` ON `feedback_responses` (`session_id`,`device_hash`);--> statement-breakpoint
CREATE INDEX `feedback_created` ON `feedback_responses` (`created_at`);--> statement-breakpoint
CREATE TABLE `you_said_we_did` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place_id` integer,
	`said` text NOT NULL,
	`did` text NOT NULL,
	`published_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
