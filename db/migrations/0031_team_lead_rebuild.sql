-- Rebuild step of renaming teams.created_by to teams.lead_id (ADR 045): lead_id becomes NOT NULL, and
-- created_by becomes nullable without its foreign key, so this release need not write it; the previous release
-- (0030) still writes both on insert and reads only lead_id, which the new table accepts. The next release drops
-- created_by. The sync triggers of 0030 go with the old table.
--
-- SQLite rebuilds a table by copying it: the migrator runs this with foreign keys off, so dropping the old
-- table cascades to nothing. SQLite refuses to rename the copy into place while a trigger on another table
-- names `teams`, so those four are dropped first and recreated unchanged after; the five triggers and two
-- indexes on `teams` itself go with the old table and are recreated unchanged too.
DROP TRIGGER `entries_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `entries_fts_update`;
--> statement-breakpoint
DROP TRIGGER `events_fts_phase`;
--> statement-breakpoint
DROP TRIGGER `problems_fts_update`;
--> statement-breakpoint
CREATE TABLE `__new_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`problem_id` text NOT NULL,
	`name` text NOT NULL,
	`invite_code` text NOT NULL,
	`lead_id` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The insert trigger of 0030 filled lead_id for every row; coalesce covers a row it could have missed.
INSERT INTO `__new_teams` (`id`, `event_id`, `problem_id`, `name`, `invite_code`, `lead_id`, `created_by`, `created_at`)
SELECT `id`, `event_id`, `problem_id`, `name`, `invite_code`, coalesce(`lead_id`, `created_by`), `created_by`, `created_at` FROM `teams`;
--> statement-breakpoint
DROP TABLE `teams`;
--> statement-breakpoint
ALTER TABLE `__new_teams` RENAME TO `teams`;
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_invite_code_unique` ON `teams` (`invite_code`);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_event_name_idx` ON `teams` (`event_id`,`name`);
--> statement-breakpoint
CREATE TRIGGER `archive_version_teams_delete` AFTER DELETE ON `teams` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_teams_update` AFTER UPDATE ON `teams` WHEN 'closed' IN (SELECT `phase` FROM `events` WHERE `id` IN (old.`event_id`, new.`event_id`)) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_teams_delete` AFTER DELETE ON `teams` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_teams_update` AFTER UPDATE OF `event_id`, `name`, `problem_id` ON `teams` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `teams_fts_problem` AFTER UPDATE OF `problem_id` ON `teams` WHEN (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  UPDATE `learnings_fts` SET `problem` = coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM problems p WHERE p.id = new.problem_id), '')
  WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.team_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE OF `id`, `event_id`, `team_id`, `status`, `title`, `summary`, `outcome`, `tags`, `approach`, `metric_name`, `post_mortem_worked`, `post_mortem_did_not_work`, `post_mortem_root_cause`, `post_mortem_root_cause_other`, `post_mortem_differently`, `post_mortem_next_steps` ON `entries`
WHEN (old.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = old.event_id) = 'closed') OR (new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.id = new.id AND e.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = e.event_id) = 'closed';
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_phase` AFTER UPDATE OF `phase` ON `events` WHEN (old.phase = 'closed') <> (new.phase = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.event_id = new.id);
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.event_id = new.id AND e.status = 'submitted' AND new.phase = 'closed';
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF `title`, `summary`, `who_has_it` ON `problems` WHEN (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  UPDATE `learnings_fts` SET `problem` = new.title || ' ' || new.summary || ' ' || new.who_has_it
  WHERE `entry_id` IN (SELECT e.id FROM entries e JOIN teams t ON t.id = e.team_id WHERE t.problem_id = new.id);
END;
