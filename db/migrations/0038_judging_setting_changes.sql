CREATE TABLE `judging_setting_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`setting` text NOT NULL,
	`turned_on` integer NOT NULL,
	`changed_by` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `judging_setting_changes_event_idx` ON `judging_setting_changes` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `peoples_choice_shown_at` integer;--> statement-breakpoint
-- Written by hand: an event published with its vote on before this migration showed its counts at its last publishing
-- (its closing time no later than that publishing, give or take a minute between the app's clock and the database's).
UPDATE `events` SET `peoples_choice_shown_at` = (SELECT max(p.`created_at`) FROM `phase_changes` p WHERE p.`event_id` = `events`.`id` AND p.`to_phase` = 'closed')
WHERE `peoples_choice_enabled` = 1 AND `peoples_choice_closes_at` IS NOT NULL
  AND `peoples_choice_closes_at` <= (SELECT max(p.`created_at`) FROM `phase_changes` p WHERE p.`event_id` = `events`.`id` AND p.`to_phase` = 'closed') + 60;
