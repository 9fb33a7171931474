ALTER TABLE `bookings` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_sms_sent` ON `outbox` (`channel`,`recipient`,`sent_at`);