DROP INDEX `entries_event_idx`;--> statement-breakpoint
CREATE INDEX `entries_archive_idx` ON `entries` (`event_id`,`status`,`outcome`,`pm_root_cause`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `entries_fts_lookup_idx` ON `entries` (`id`,`event_id`,`status`,`outcome`,`pm_root_cause`);