-- Issue 19 (ADR 053): a page of the gallery or the event page's cards read in title order, and a problem's teams
-- found by problem. Only this: teams.created_by stays until the release after this one drops it (ADR 045), so the
-- drop drizzle-kit wrote here is left out, and this migration's snapshot keeps the column.
CREATE INDEX `entries_gallery_idx` ON `entries` (`event_id`,`status`,`title`,`id`);
--> statement-breakpoint
CREATE INDEX `teams_problem_idx` ON `teams` (`problem_id`);
--> statement-breakpoint
-- A closing event's learnings enter the archive index oldest submission first, as the newest-first cap of a
-- search (ADR 008) assumes. The insert had no order: SQLite read the entries in the order of whichever index it
-- chose, and with the new title index that became title order. Otherwise unchanged from 0031.
DROP TRIGGER `events_fts_phase`;
--> statement-breakpoint
CREATE TRIGGER `events_fts_phase` AFTER UPDATE OF `phase` ON `events` WHEN (old.phase = 'closed') <> (new.phase = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.event_id = new.id);
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.event_id = new.id AND e.status = 'submitted' AND new.phase = 'closed'
  ORDER BY e.submitted_at, e.rowid;
END;
