DROP INDEX `visits_client_key`;--> statement-breakpoint
CREATE UNIQUE INDEX `visits_session_client_key` ON `visits` (`session_id`,`client_key`);--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `known` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_all` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_place` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_place_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_county` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `first_county_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_all` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_place` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_place_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_county` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `month_first_county_kind` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `moved_at` integer;--> statement-breakpoint
-- Appended by hand: every session is summarised again on the next reading, which fills reach_sessions' new first-visit columns.
INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions;
