CREATE TABLE `concern_handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concern_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	`method` text NOT NULL,
	`sent_to` text,
	`with_contact` integer DEFAULT false NOT NULL,
	`token_hash` text,
	`expires_at` integer,
	`handed_by` text NOT NULL,
	`handed_at` integer NOT NULL,
	`acknowledged_at` integer,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concern_handovers_token` ON `concern_handovers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `concern_handovers_concern` ON `concern_handovers` (`concern_id`);--> statement-breakpoint
ALTER TABLE `concerns` ADD `handover_consent` text;--> statement-breakpoint
ALTER TABLE `organisation` DROP COLUMN `ombudsman_name`;--> statement-breakpoint
ALTER TABLE `organisation` DROP COLUMN `ombudsman_contact`;--> statement-breakpoint
ALTER TABLE `places` DROP COLUMN `county`;--> statement-breakpoint
ALTER TABLE `places` DROP COLUMN `county_sv`;