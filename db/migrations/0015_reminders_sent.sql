CREATE TABLE `reminders_sent` (
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text DEFAULT '' NOT NULL,
	`deadline` integer NOT NULL,
	`threshold` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `kind`, `user_id`, `deadline`, `threshold`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
