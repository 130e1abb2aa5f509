ALTER TABLE `entries` ADD `latest_follow_up_status` text;--> statement-breakpoint
CREATE INDEX `entries_follow_up_status_idx` ON `entries` (`latest_follow_up_status`,`id`,`event_id`,`status`,`outcome`,`post_mortem_root_cause`,`submitted_at`);--> statement-breakpoint
-- Written by hand (ADR 067): an entry's newest follow-up status, kept on the entry. An answer is always the newest when
-- it is recorded (ids only grow); a deleted one hands the status back to the newest left, or to none.
UPDATE `entries` SET `latest_follow_up_status` = (SELECT f.`status` FROM `follow_ups` f WHERE f.`entry_id` = `entries`.`id` ORDER BY f.`id` DESC LIMIT 1)
WHERE `id` IN (SELECT `entry_id` FROM `follow_ups`);--> statement-breakpoint
CREATE TRIGGER `entries_follow_up_status_insert` AFTER INSERT ON `follow_ups` BEGIN
  UPDATE `entries` SET `latest_follow_up_status` = new.`status` WHERE `id` = new.`entry_id`;
END;--> statement-breakpoint
CREATE TRIGGER `entries_follow_up_status_delete` AFTER DELETE ON `follow_ups` BEGIN
  UPDATE `entries` SET `latest_follow_up_status` = (SELECT f.`status` FROM `follow_ups` f WHERE f.`entry_id` = old.`entry_id` ORDER BY f.`id` DESC LIMIT 1)
  WHERE `id` = old.`entry_id`;
END;
--> statement-breakpoint
-- Written by hand (ADR 067): "went to production" is also a facet of the search index, as the outcome and the root
-- cause are, so a search with the filter is answered by FTS5 instead of reading every hit's entry. The three triggers
-- that write an index row are those of 0031 and 0032 with the facet added; a change of the status updates the row's
-- facets in place (its rowid, and so its place among the most recently archived, stays).
DROP TRIGGER `entries_fts_insert`;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '') || iif(e.latest_follow_up_status = 'adopted', ' zproduction', '')
  FROM entries e WHERE e.id = new.id;
END;
--> statement-breakpoint
DROP TRIGGER `entries_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_update` AFTER UPDATE OF `id`, `event_id`, `team_id`, `status`, `title`, `summary`, `outcome`, `tags`, `approach`, `metric_name`, `post_mortem_worked`, `post_mortem_did_not_work`, `post_mortem_root_cause`, `post_mortem_root_cause_other`, `post_mortem_differently`, `post_mortem_next_steps` ON `entries`
WHEN (old.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = old.event_id) = 'closed') OR (new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` = old.id;
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '') || iif(e.latest_follow_up_status = 'adopted', ' zproduction', '')
  FROM entries e WHERE e.id = new.id AND e.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = e.event_id) = 'closed';
END;
--> statement-breakpoint
DROP TRIGGER `events_fts_phase`;
--> statement-breakpoint
CREATE TRIGGER `events_fts_phase` AFTER UPDATE OF `phase` ON `events` WHEN (old.phase = 'closed') <> (new.phase = 'closed') BEGIN
  DELETE FROM `learnings_fts` WHERE `entry_id` IN (SELECT e.id FROM entries e WHERE e.event_id = new.id);
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '') || iif(e.latest_follow_up_status = 'adopted', ' zproduction', '')
  FROM entries e WHERE e.event_id = new.id AND e.status = 'submitted' AND new.phase = 'closed'
  ORDER BY e.submitted_at, e.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_follow_up_status` AFTER UPDATE OF `latest_follow_up_status` ON `entries`
WHEN (old.latest_follow_up_status IS 'adopted') <> (new.latest_follow_up_status IS 'adopted') BEGIN
  UPDATE `learnings_fts` SET `facets` = (SELECT 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '') || iif(e.latest_follow_up_status = 'adopted', ' zproduction', '') FROM entries e WHERE e.id = new.id)
  WHERE `entry_id` = new.id;
END;
--> statement-breakpoint
UPDATE `learnings_fts` SET `facets` = `facets` || ' zproduction'
WHERE `entry_id` IN (SELECT `id` FROM `entries` WHERE `latest_follow_up_status` = 'adopted');
