-- Full-text index of learnings: one row per entry, kept in sync by triggers on entries, teams and problems.
-- Visibility (closed events, submitted entries) is applied when querying, by joining entries and events.
CREATE VIRTUAL TABLE `learnings_fts` USING fts5(
  `entry_id` UNINDEXED,
  `title`,
  `body`,
  `tags`,
  `problem`,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`)
SELECT e.id, e.title,
  e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.pm_worked || ' ' || e.pm_did_not_work || ' ' || e.pm_root_cause_other || ' ' || e.pm_differently || ' ' || e.pm_next_steps,
  e.tags,
  coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), '')
FROM entries e;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`)
  VALUES (new.id, new.title,
    new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps,
    new.tags,
    coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE ON `entries` BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`)
  VALUES (new.id, new.title,
    new.summary || ' ' || new.approach || ' ' || new.metric_name || ' ' || new.pm_worked || ' ' || new.pm_did_not_work || ' ' || new.pm_root_cause_other || ' ' || new.pm_differently || ' ' || new.pm_next_steps,
    new.tags,
    coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = new.team_id), ''));
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
