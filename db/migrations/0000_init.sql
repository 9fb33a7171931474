CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer,
	`group_id` integer,
	`code` text NOT NULL,
	`token_hash` text NOT NULL,
	`nickname` text,
	`party_size` integer NOT NULL,
	`email` text,
	`locale` text NOT NULL,
	`interpreter_language` text,
	`accessibility_needs` text,
	`childcare` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`email_erased_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `session_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bookings_one_target" CHECK(("bookings"."session_id" IS NULL) <> ("bookings"."group_id" IS NULL)),
	CONSTRAINT "bookings_party_size" CHECK("bookings"."party_size" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code_unique` ON `bookings` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_token_hash_unique` ON `bookings` (`token_hash`);--> statement-breakpoint
CREATE INDEX `bookings_session_seats` ON `bookings` (`session_id`,`status`,`party_size`);--> statement-breakpoint
CREATE INDEX `bookings_group_seats` ON `bookings` (`group_id`,`status`,`party_size`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`booking_id` integer,
	`recipient` text,
	`subject` text,
	`text_body` text,
	`not_before` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`dropped_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`sent_at`,`dropped_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_booking` ON `outbox` (`booking_id`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`county` text NOT NULL,
	`street_address` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`directions` text NOT NULL,
	`accessibility` text NOT NULL,
	`opening_hours` text NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_slug_unique` ON `places` (`slug`);--> statement-breakpoint
CREATE TABLE `session_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`capacity` integer NOT NULL,
	`max_party_size` integer DEFAULT 4 NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place_id` integer NOT NULL,
	`group_id` integer,
	`kind` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`languages` text NOT NULL,
	`audience` text,
	`capacity` integer,
	`max_party_size` integer DEFAULT 4 NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `session_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sessions_ends_after_start" CHECK("sessions"."ends_at" > "sessions"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `sessions_starts_at` ON `sessions` (`starts_at`);--> statement-breakpoint
CREATE INDEX `sessions_place_starts_at` ON `sessions` (`place_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `sessions_group` ON `sessions` (`group_id`);