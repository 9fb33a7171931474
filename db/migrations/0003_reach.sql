CREATE TABLE `reach_dirty` (
	`session_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reach_person_visits` (
	`visit_id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`person` text NOT NULL,
	`starts_at` integer NOT NULL,
	`day` integer NOT NULL,
	`month` integer NOT NULL,
	`place_id` integer NOT NULL,
	`kind` text NOT NULL,
	`prev_day` integer,
	`prev_month` integer,
	`prev_place_day` integer,
	`prev_place_month` integer,
	`prev_kind_day` integer,
	`prev_kind_month` integer,
	`prev_place_kind_day` integer,
	`prev_place_kind_month` integer,
	`prev_county_day` integer,
	`prev_county_month` integer,
	`prev_county_kind_day` integer,
	`prev_county_kind_month` integer
);
--> statement-breakpoint
CREATE INDEX `reach_person_visits_person` ON `reach_person_visits` (`person`,`starts_at`,`visit_id`);--> statement-breakpoint
CREATE INDEX `reach_person_visits_session` ON `reach_person_visits` (`session_id`);--> statement-breakpoint
CREATE INDEX `reach_person_visits_month` ON `reach_person_visits` (`month`,`place_id`,`kind`,`day`,`prev_day`,`prev_month`,`prev_place_day`,`prev_place_month`,`prev_kind_day`,`prev_kind_month`,`prev_place_kind_day`,`prev_place_kind_month`,`prev_county_day`,`prev_county_month`,`prev_county_kind_day`,`prev_county_kind_month`);--> statement-breakpoint
CREATE TABLE `reach_sessions` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`place_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`starts_at` integer NOT NULL,
	`day` integer NOT NULL,
	`month` integer NOT NULL,
	`capacity` integer,
	`booked_seats` integer NOT NULL,
	`confirmed_bookings` integer NOT NULL,
	`no_shows` integer NOT NULL,
	`visits` integer NOT NULL,
	`parents` integer NOT NULL,
	`professionals` integer NOT NULL,
	`others` integer NOT NULL,
	`booked_visits` integer NOT NULL,
	`walk_in_parents` integer NOT NULL,
	`anon_first` integer NOT NULL,
	`anon_returning` integer NOT NULL,
	`anon_unknown` integer NOT NULL,
	`responses` integer NOT NULL,
	`rating_1` integer NOT NULL,
	`rating_2` integer NOT NULL,
	`rating_3` integer NOT NULL,
	`rating_4` integer NOT NULL,
	`info_yes` integer NOT NULL,
	`info_answered` integer NOT NULL,
	`alone_yes` integer NOT NULL,
	`alone_answered` integer NOT NULL,
	`return_yes` integer NOT NULL,
	`return_answered` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reach_sessions_month` ON `reach_sessions` (`month`,`place_id`,`kind`,`day`);
--> statement-breakpoint
-- Written by hand after drizzle-kit generate: triggers that mark the sessions whose reach summaries are stale
-- (lib/reach/refresh.ts rebuilds them), and the backfill of existing data.
CREATE TRIGGER `reach_visits_insert` AFTER INSERT ON visits BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_visits_delete` AFTER DELETE ON visits BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_visits_update` AFTER UPDATE ON visits BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_sessions_insert` AFTER INSERT ON sessions BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.id WHERE new.id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_sessions_update` AFTER UPDATE OF place_id, group_id, kind, starts_at, capacity, status ON sessions BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.id WHERE new.id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_sessions_delete` AFTER DELETE ON sessions BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.id WHERE old.id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_groups_update` AFTER UPDATE OF capacity ON session_groups BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE group_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_places_update` AFTER UPDATE OF county ON places BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE place_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_bookings_insert` AFTER INSERT ON bookings BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE group_id = new.group_id;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_bookings_delete` AFTER DELETE ON bookings BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE group_id = old.group_id;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_bookings_update` AFTER UPDATE OF status, party_size, session_id, group_id, cancelled_at ON bookings BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE group_id = old.group_id;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions WHERE group_id = new.group_id;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_attendance_insert` AFTER INSERT ON attendance BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_feedback_insert` AFTER INSERT ON feedback_responses BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_attendance_delete` AFTER DELETE ON attendance BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_feedback_delete` AFTER DELETE ON feedback_responses BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_attendance_update` AFTER UPDATE ON attendance BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_feedback_update` AFTER UPDATE ON feedback_responses BEGIN
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT old.session_id WHERE old.session_id IS NOT NULL;
  INSERT OR IGNORE INTO reach_dirty (session_id) SELECT new.session_id WHERE new.session_id IS NOT NULL;
END;
--> statement-breakpoint
-- Existing data: every session is summarised on the first reading of the figures.
INSERT OR IGNORE INTO reach_dirty (session_id) SELECT id FROM sessions;
