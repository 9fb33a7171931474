CREATE TABLE `sms_daily` (
	`marker` text NOT NULL,
	`day` integer NOT NULL,
	`sent` integer NOT NULL,
	PRIMARY KEY(`marker`, `day`)
);
