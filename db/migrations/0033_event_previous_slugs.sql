-- ADR 062: the web addresses an event had before, so links to them still lead to it. teams.created_by stays
-- (ADR 045); the drop drizzle-kit wrote here is left out, and this migration's snapshot keeps the column.
CREATE TABLE `event_previous_slugs` (
	`slug` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_previous_slugs_event_idx` ON `event_previous_slugs` (`event_id`);
