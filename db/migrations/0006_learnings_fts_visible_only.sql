-- The index holds only what the archive may show: submitted entries of closed events (ADR 008).
-- A search then needs no visibility term (the facets column keeps outcome and root cause), and work
-- in running events (drafts saved every few minutes) never touches the index. Triggers add an
-- event's entries when it closes and remove them when it reopens, in the same transaction.
-- Every row still carries the `zvisible` token, now a constant: processes of the previous version,
-- which add `AND facets : "zvisible"` to every search, keep working during a rolling deploy. A later
-- migration can drop it once no such process runs.
DROP TRIGGER IF EXISTS `entries_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `events_fts_phase`;
--> statement-breakpoint
DELETE FROM `learnings_fts`;
--> statement-breakpoint
INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.pm_worked || ' ' || e.pm_did_not_work || ' ' || e.pm_root_cause_other || ' ' || e.pm_differently || ' ' || e.pm_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.pm_root_cause, 'none'), '-', '')
FROM entries e WHERE e.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = e.event_id) = 'closed';
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT new.id, new.title, new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps, new.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''), 'zvisible zoutcome' || coalesce(new.outcome, 'none') || ' zcause' || replace(coalesce(new.pm_root_cause, 'none'), '-', '');
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE ON `entries` WHEN (old.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = old.event_id) = 'closed') OR (new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT new.id, new.title, new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps, new.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''), 'zvisible zoutcome' || coalesce(new.outcome, 'none') || ' zcause' || replace(coalesce(new.pm_root_cause, 'none'), '-', '') WHERE new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed';
END;
--> statement-breakpoint
-- Unconditional for submitted entries: when an event is deleted its row is gone before the cascade
-- deletes its entries, so "was it closed?" can no longer be asked.
CREATE TRIGGER `entries_fts_delete` AFTER DELETE ON `entries` WHEN old.status = 'submitted' BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_phase` AFTER UPDATE OF `phase` ON `events` WHEN (old.phase = 'closed') <> (new.phase = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.event_id = new.id);
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.pm_worked || ' ' || e.pm_did_not_work || ' ' || e.pm_root_cause_other || ' ' || e.pm_differently || ' ' || e.pm_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.pm_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.event_id = new.id AND e.status = 'submitted' AND new.phase = 'closed';
END;
--> statement-breakpoint
-- Only entries of closed events are indexed, so edits in running events need not look.
DROP TRIGGER IF EXISTS `problems_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `teams_fts_problem`;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF `title`, `summary`, `who_has_it` ON `problems` WHEN (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  UPDATE `learnings_fts` SET `problem` = new.title || ' ' || new.summary || ' ' || new.who_has_it
  WHERE `entry_id` IN (SELECT e.id FROM entries e JOIN teams t ON t.id = e.team_id WHERE t.problem_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `teams_fts_problem` AFTER UPDATE OF `problem_id` ON `teams` WHEN (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  UPDATE `learnings_fts` SET `problem` = coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM problems p WHERE p.id = new.problem_id), '')
  WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.team_id = new.id);
END;
--> statement-breakpoint
-- The app creates events as drafts, but an event written straight in as closed (an import, the
-- benchmark's generator) is in the archive's filter choices and figures at once.
CREATE TRIGGER `archive_version_events_insert` AFTER INSERT ON `events` WHEN new.`phase` = 'closed' BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- The index was rebuilt: caches in running processes start again.
UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
