CREATE TABLE `feedback_quiet` (
	`marker` text PRIMARY KEY NOT NULL,
	`until` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `reach_sessions` ADD `not_asked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `feedback_not_asked` integer;
--> statement-breakpoint
-- Appended by hand: "WITHOUT ROWID" above (see db/schema.ts, feedbackQuiet), and the reach summaries
-- rebuild a session when closing records how many of its parents were not asked for feedback.
CREATE TRIGGER `reach_sessions_not_asked` AFTER UPDATE OF feedback_not_asked ON sessions BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.id WHERE new.id IS NOT NULL;
END;
