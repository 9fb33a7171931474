CREATE TABLE `counties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`ombudsman_name` text,
	`ombudsman_phone` text,
	`ombudsman_email` text,
	`ombudsman_url` text,
	`emergency_phone` text,
	`client_safety_email` text,
	`client_safety_name` text,
	`updated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `places` ADD `county_id` integer REFERENCES counties(id);--> statement-breakpoint
-- hand-written below
-- One county per distinct county text the places held, its Swedish name from county_sv where a place had one.
-- Ombudsman and emergency numbers are left empty: the one organisation-wide ombudsman was the defect this
-- replaces, and the planners' pages ask for each county's own.
INSERT INTO `counties` (`name`)
  SELECT json_object('fi', `county`, 'sv', COALESCE(MAX(NULLIF(`county_sv`, '')), `county`), 'en', `county`)
  FROM `places` GROUP BY `county` ORDER BY MIN(`id`);
--> statement-breakpoint
UPDATE `places` SET `county_id` = (SELECT c.`id` FROM `counties` c WHERE json_extract(c.`name`, '$.fi') = `places`.`county`);
--> statement-breakpoint
-- A place moving county changes the county figures of all its sessions (lib/reach/refresh.ts partitions by county_id).
DROP TRIGGER IF EXISTS `reach_places_update`;
--> statement-breakpoint
CREATE TRIGGER `reach_places_update` AFTER UPDATE OF county_id ON places BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE place_id = new.id;
END;

--> statement-breakpoint
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