CREATE TABLE `reach_session_channels` (
	`session_id` integer NOT NULL,
	`channel` text NOT NULL,
	`anon_first` integer NOT NULL,
	PRIMARY KEY(`session_id`, `channel`)
);
--> statement-breakpoint
ALTER TABLE `bookings` ADD `heard_from` text;--> statement-breakpoint
ALTER TABLE `reach_person_visits` ADD `channel` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `heard_from` text;