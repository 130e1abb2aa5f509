CREATE TABLE `archive_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_phase_starts_idx` ON `events` (`phase`,`starts_at`);
--> statement-breakpoint
-- Custom: the archive's version (ADR 008). It goes up on every change an archive page can show, so the
-- caches of every app process (app/modules/archive/cache.server.ts) are keyed on one primary-key read.
INSERT INTO `archive_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `archive_version_events_update` AFTER UPDATE ON `events` WHEN old.`phase` = 'closed' OR new.`phase` = 'closed' BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_events_delete` AFTER DELETE ON `events` WHEN old.`phase` = 'closed' BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_entries_insert` AFTER INSERT ON `entries` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (new.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_entries_update` AFTER UPDATE ON `entries` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`, new.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_entries_delete` AFTER DELETE ON `entries` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_teams_update` AFTER UPDATE ON `teams` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`, new.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_teams_delete` AFTER DELETE ON `teams` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_problems_update` AFTER UPDATE ON `problems` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`, new.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_problems_delete` AFTER DELETE ON `problems` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
