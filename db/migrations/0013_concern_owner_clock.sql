CREATE TABLE `place_planners` (
	`place_id` integer NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`place_id`, `user_id`),
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `place_planners_user` ON `place_planners` (`user_id`);--> statement-breakpoint
ALTER TABLE `concerns` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `concerns` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `first_response_at` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `renotified_day` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
-- hand-written below
-- "In progress" becomes "taken": someone was working on it. Its owner is whoever last acted on it,
-- and its first response the first action that moved it off "new". The due date is filled in by
-- the concern clock at the next start (working days need the holiday calendar, not SQL).
UPDATE `concern_actions` SET `status` = 'taken' WHERE `status` = 'in_progress';--> statement-breakpoint
UPDATE `concerns` SET `status` = 'taken' WHERE `status` = 'in_progress';--> statement-breakpoint
UPDATE `concerns` SET `owner_id` = (SELECT `actor_id` FROM `concern_actions` a WHERE a.`concern_id` = `concerns`.`id` ORDER BY a.`created_at` DESC, a.`id` DESC LIMIT 1) WHERE `status` <> 'new';--> statement-breakpoint
UPDATE `concerns` SET `first_response_at` = (SELECT min(a.`created_at`) FROM `concern_actions` a WHERE a.`concern_id` = `concerns`.`id` AND a.`status` <> 'new');
