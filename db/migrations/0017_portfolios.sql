ALTER TABLE `team_members` ADD `hidden_from_portfolio` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `headline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `skills` text DEFAULT '' NOT NULL;