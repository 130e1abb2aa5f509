ALTER TABLE `judge_invites` ADD `email` text;--> statement-breakpoint
ALTER TABLE `judge_invites` ADD `accepted_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `judge_invites` ADD `accepted_at` integer;