-- Widen step of renaming entries.pm_* to entries.post_mortem_* (ADR 042). Release N adds the new columns,
-- backfills them and keeps both names equal with triggers, so processes of the previous release (which read
-- and write only pm_*) keep working during a rolling deploy; this release reads and writes only post_mortem_*.
-- The narrow step in the next release drops the pm_* columns, their indexes and the sync triggers.
-- The archive index's triggers are dropped first so the backfill does not rewrite every indexed row.
DROP TRIGGER IF EXISTS `entries_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `events_fts_phase`;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_worked` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_did_not_work` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_root_cause` text;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_root_cause_other` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_differently` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `entries` ADD `post_mortem_next_steps` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE `entries` SET `post_mortem_worked` = `pm_worked`, `post_mortem_did_not_work` = `pm_did_not_work`, `post_mortem_root_cause` = `pm_root_cause`, `post_mortem_root_cause_other` = `pm_root_cause_other`, `post_mortem_differently` = `pm_differently`, `post_mortem_next_steps` = `pm_next_steps`;
--> statement-breakpoint
-- The previous release's queries still filter on pm_root_cause through entries_archive_idx and
-- entries_fts_lookup_idx; those stay until the narrow step.
CREATE INDEX `entries_archive_v2_idx` ON `entries` (`event_id`,`status`,`outcome`,`post_mortem_root_cause`,`submitted_at`);
--> statement-breakpoint
CREATE INDEX `entries_fts_lookup_v2_idx` ON `entries` (`id`,`event_id`,`status`,`outcome`,`post_mortem_root_cause`);
--> statement-breakpoint
-- The previous release updated pm_*: copy what it changed to post_mortem_*. recursive_triggers is off, and
-- the WHEN clause stops the echo: after the copy both names agree, so the opposite trigger does not fire.
CREATE TRIGGER `entries_post_mortem_from_old` AFTER UPDATE OF `pm_worked`, `pm_did_not_work`, `pm_root_cause`, `pm_root_cause_other`, `pm_differently`, `pm_next_steps` ON `entries`
WHEN new.pm_worked IS NOT new.post_mortem_worked OR new.pm_did_not_work IS NOT new.post_mortem_did_not_work OR new.pm_root_cause IS NOT new.post_mortem_root_cause OR new.pm_root_cause_other IS NOT new.post_mortem_root_cause_other OR new.pm_differently IS NOT new.post_mortem_differently OR new.pm_next_steps IS NOT new.post_mortem_next_steps BEGIN
  UPDATE `entries` SET
    `post_mortem_worked` = CASE WHEN new.pm_worked IS NOT old.pm_worked THEN new.pm_worked ELSE `post_mortem_worked` END,
    `post_mortem_did_not_work` = CASE WHEN new.pm_did_not_work IS NOT old.pm_did_not_work THEN new.pm_did_not_work ELSE `post_mortem_did_not_work` END,
    `post_mortem_root_cause` = CASE WHEN new.pm_root_cause IS NOT old.pm_root_cause THEN new.pm_root_cause ELSE `post_mortem_root_cause` END,
    `post_mortem_root_cause_other` = CASE WHEN new.pm_root_cause_other IS NOT old.pm_root_cause_other THEN new.pm_root_cause_other ELSE `post_mortem_root_cause_other` END,
    `post_mortem_differently` = CASE WHEN new.pm_differently IS NOT old.pm_differently THEN new.pm_differently ELSE `post_mortem_differently` END,
    `post_mortem_next_steps` = CASE WHEN new.pm_next_steps IS NOT old.pm_next_steps THEN new.pm_next_steps ELSE `post_mortem_next_steps` END
  WHERE `id` = new.id;
END;
--> statement-breakpoint
-- This release updated post_mortem_*: copy what it changed to pm_*, for the previous release's reads.
CREATE TRIGGER `entries_post_mortem_to_old` AFTER UPDATE OF `post_mortem_worked`, `post_mortem_did_not_work`, `post_mortem_root_cause`, `post_mortem_root_cause_other`, `post_mortem_differently`, `post_mortem_next_steps` ON `entries`
WHEN new.pm_worked IS NOT new.post_mortem_worked OR new.pm_did_not_work IS NOT new.post_mortem_did_not_work OR new.pm_root_cause IS NOT new.post_mortem_root_cause OR new.pm_root_cause_other IS NOT new.post_mortem_root_cause_other OR new.pm_differently IS NOT new.post_mortem_differently OR new.pm_next_steps IS NOT new.post_mortem_next_steps BEGIN
  UPDATE `entries` SET
    `pm_worked` = CASE WHEN new.post_mortem_worked IS NOT old.post_mortem_worked THEN new.post_mortem_worked ELSE `pm_worked` END,
    `pm_did_not_work` = CASE WHEN new.post_mortem_did_not_work IS NOT old.post_mortem_did_not_work THEN new.post_mortem_did_not_work ELSE `pm_did_not_work` END,
    `pm_root_cause` = CASE WHEN new.post_mortem_root_cause IS NOT old.post_mortem_root_cause THEN new.post_mortem_root_cause ELSE `pm_root_cause` END,
    `pm_root_cause_other` = CASE WHEN new.post_mortem_root_cause_other IS NOT old.post_mortem_root_cause_other THEN new.post_mortem_root_cause_other ELSE `pm_root_cause_other` END,
    `pm_differently` = CASE WHEN new.post_mortem_differently IS NOT old.post_mortem_differently THEN new.post_mortem_differently ELSE `pm_differently` END,
    `pm_next_steps` = CASE WHEN new.post_mortem_next_steps IS NOT old.post_mortem_next_steps THEN new.post_mortem_next_steps ELSE `pm_next_steps` END
  WHERE `id` = new.id;
END;
--> statement-breakpoint
-- An insert by either release fills only its own names; fill the other side's empty columns from them.
CREATE TRIGGER `entries_post_mortem_insert` AFTER INSERT ON `entries` WHEN new.pm_worked IS NOT new.post_mortem_worked OR new.pm_did_not_work IS NOT new.post_mortem_did_not_work OR new.pm_root_cause IS NOT new.post_mortem_root_cause OR new.pm_root_cause_other IS NOT new.post_mortem_root_cause_other OR new.pm_differently IS NOT new.post_mortem_differently OR new.pm_next_steps IS NOT new.post_mortem_next_steps BEGIN
  UPDATE `entries` SET `pm_worked` = CASE WHEN pm_worked = '' THEN post_mortem_worked ELSE pm_worked END, `pm_did_not_work` = CASE WHEN pm_did_not_work = '' THEN post_mortem_did_not_work ELSE pm_did_not_work END, `pm_root_cause` = CASE WHEN pm_root_cause IS NULL THEN post_mortem_root_cause ELSE pm_root_cause END, `pm_root_cause_other` = CASE WHEN pm_root_cause_other = '' THEN post_mortem_root_cause_other ELSE pm_root_cause_other END, `pm_differently` = CASE WHEN pm_differently = '' THEN post_mortem_differently ELSE pm_differently END, `pm_next_steps` = CASE WHEN pm_next_steps = '' THEN post_mortem_next_steps ELSE pm_next_steps END
  WHERE `id` = new.id AND ((pm_worked = '' AND post_mortem_worked <> '') OR (pm_did_not_work = '' AND post_mortem_did_not_work <> '') OR (pm_root_cause IS NULL AND post_mortem_root_cause IS NOT NULL) OR (pm_root_cause_other = '' AND post_mortem_root_cause_other <> '') OR (pm_differently = '' AND post_mortem_differently <> '') OR (pm_next_steps = '' AND post_mortem_next_steps <> ''));
  UPDATE `entries` SET `post_mortem_worked` = CASE WHEN post_mortem_worked = '' THEN pm_worked ELSE post_mortem_worked END, `post_mortem_did_not_work` = CASE WHEN post_mortem_did_not_work = '' THEN pm_did_not_work ELSE post_mortem_did_not_work END, `post_mortem_root_cause` = CASE WHEN post_mortem_root_cause IS NULL THEN pm_root_cause ELSE post_mortem_root_cause END, `post_mortem_root_cause_other` = CASE WHEN post_mortem_root_cause_other = '' THEN pm_root_cause_other ELSE post_mortem_root_cause_other END, `post_mortem_differently` = CASE WHEN post_mortem_differently = '' THEN pm_differently ELSE post_mortem_differently END, `post_mortem_next_steps` = CASE WHEN post_mortem_next_steps = '' THEN pm_next_steps ELSE post_mortem_next_steps END
  WHERE `id` = new.id AND ((post_mortem_worked = '' AND pm_worked <> '') OR (post_mortem_did_not_work = '' AND pm_did_not_work <> '') OR (post_mortem_root_cause IS NULL AND pm_root_cause IS NOT NULL) OR (post_mortem_root_cause_other = '' AND pm_root_cause_other <> '') OR (post_mortem_differently = '' AND pm_differently <> '') OR (post_mortem_next_steps = '' AND pm_next_steps <> ''));
END;
--> statement-breakpoint
-- The archive index reads post_mortem_* from the row as it is now (not from new.*), so it is right whichever
-- of these and the sync triggers runs first. An insert by the previous release (pm_* only) is indexed by the
-- update its sync causes, so the insert trigger leaves it out and the index never holds a row twice.
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed'
AND NOT ((new.post_mortem_worked = '' AND new.pm_worked <> '') OR (new.post_mortem_did_not_work = '' AND new.pm_did_not_work <> '') OR (new.post_mortem_root_cause IS NULL AND new.pm_root_cause IS NOT NULL) OR (new.post_mortem_root_cause_other = '' AND new.pm_root_cause_other <> '') OR (new.post_mortem_differently = '' AND new.pm_differently <> '') OR (new.post_mortem_next_steps = '' AND new.pm_next_steps <> '')) BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.id = new.id;
END;
--> statement-breakpoint
-- Only columns the index shows or filters on: the sync trigger's writes to pm_* do not rewrite the row.
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
