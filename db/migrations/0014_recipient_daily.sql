CREATE TABLE `recipient_daily` (
	`marker` text NOT NULL,
	`rule` text NOT NULL,
	`day` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`marker`, `rule`, `day`)
);
--> statement-breakpoint
DROP TABLE `sms_daily`;