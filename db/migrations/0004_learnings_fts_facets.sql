-- Filters in the index: a `facets` column holds tokens for visibility (zvisible: a submitted entry of a
-- closed event), outcome and root cause, so a search ranks and counts inside FTS5 without joining a
-- row per hit (ADR 008). People's words are matched against the other columns only.
DROP TRIGGER IF EXISTS `entries_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `problems_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `teams_fts_problem`;
--> statement-breakpoint
DROP TABLE IF EXISTS `learnings_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `learnings_fts` USING fts5(
  `entry_id` UNINDEXED,
  `title`,
  `body`,
  `tags`,
  `problem`,
  `facets`,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.pm_worked || ' ' || e.pm_did_not_work || ' ' || e.pm_root_cause_other || ' ' || e.pm_differently || ' ' || e.pm_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), (CASE WHEN e.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = e.event_id) = 'closed' THEN 'zvisible ' ELSE '' END || 'zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.pm_root_cause, 'none'), '-', ''))
FROM entries e;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  VALUES (new.id, new.title, new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps, new.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''), (CASE WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' THEN 'zvisible ' ELSE '' END || 'zoutcome' || coalesce(new.outcome, 'none') || ' zcause' || replace(coalesce(new.pm_root_cause, 'none'), '-', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE ON `entries` BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  VALUES (new.id, new.title, new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps, new.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''), (CASE WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' THEN 'zvisible ' ELSE '' END || 'zoutcome' || coalesce(new.outcome, 'none') || ' zcause' || replace(coalesce(new.pm_root_cause, 'none'), '-', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_delete` AFTER DELETE ON `entries` BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF `title`, `summary`, `who_has_it` ON `problems` BEGIN
  UPDATE `learnings_fts` SET `problem` = new.title || ' ' || new.summary || ' ' || new.who_has_it
  WHERE `entry_id` IN (SELECT e.id FROM entries e JOIN teams t ON t.id = e.team_id WHERE t.problem_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `teams_fts_problem` AFTER UPDATE OF `problem_id` ON `teams` BEGIN
  UPDATE `learnings_fts` SET `problem` = coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM problems p WHERE p.id = new.problem_id), '')
  WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.team_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_phase` AFTER UPDATE OF `phase` ON `events` BEGIN
  UPDATE `learnings_fts` SET `facets` = (SELECT (CASE WHEN e.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = e.event_id) = 'closed' THEN 'zvisible ' ELSE '' END || 'zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.pm_root_cause, 'none'), '-', '')) FROM entries e WHERE e.id = `learnings_fts`.`entry_id`)
  WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.event_id = new.id);
END;
