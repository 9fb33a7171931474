PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`detail` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "actor_id", "action", "subject_type", "subject_id", "detail", "created_at") SELECT "id", "actor_id", "action", "subject_type", "subject_id", NULL, "created_at" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`created_at`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `details_erased_at` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `contact_erased_at` integer;--> statement-breakpoint
ALTER TABLE `places` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `places` ADD `contact_email` text;--> statement-breakpoint
-- Hand-written: updated_at was mapped onto created_at until now, so created_at holds the last change;
-- a resolved concern counts its contact period (CONCERN_CONTACT_DAYS) from there.
UPDATE `concerns` SET `updated_at` = `created_at`, `resolved_at` = CASE WHEN `status` = 'resolved' THEN `created_at` END;
