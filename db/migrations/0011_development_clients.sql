CREATE TABLE `development_clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`languages` text NOT NULL,
	`locale` text NOT NULL,
	`token_hash` text NOT NULL,
	`consented_on` integer NOT NULL,
	`delete_after` integer NOT NULL,
	`renewed_on` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `development_clients_token_hash_unique` ON `development_clients` (`token_hash`);--> statement-breakpoint
CREATE TABLE `panel_invitations` (
	`client_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`invited_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`client_id`, `session_id`),
	FOREIGN KEY (`client_id`) REFERENCES `development_clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
