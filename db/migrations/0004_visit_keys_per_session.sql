DROP INDEX `visits_client_key`;--> statement-breakpoint
CREATE UNIQUE INDEX `visits_session_client_key` ON `visits` (`session_id`,`client_key`);