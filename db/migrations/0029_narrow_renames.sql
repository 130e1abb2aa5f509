-- Narrow step of the renames widened in 0026 and 0027 (ADR 042). The release before this one reads and writes
-- only post_mortem_* and overall_comments, so during this release's rolling deploy no process uses the old
-- names: the sync triggers, the pm_* columns with their indexes, and the reviews table go.
DROP TRIGGER IF EXISTS `entries_post_mortem_from_old`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_post_mortem_to_old`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entries_post_mortem_insert`;
--> statement-breakpoint
-- SQLite refuses to drop a column a trigger names: the archive's insert trigger loses its pm_* condition
-- (it kept an insert by the previous release out of the index until that insert's sync indexed it).
DROP TRIGGER IF EXISTS `entries_fts_insert`;
--> statement-breakpoint
CREATE TRIGGER `entries_fts_insert` AFTER INSERT ON `entries` WHEN new.status = 'submitted' AND (SELECT ev.phase FROM events ev WHERE ev.id = new.event_id) = 'closed' BEGIN
  INSERT INTO `learnings_fts` (`entry_id`, `title`, `body`, `tags`, `problem`, `facets`)
  SELECT e.id, e.title, e.summary || ' ' || e.approach || ' ' || e.metric_name || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work || ' ' || e.post_mortem_root_cause_other || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps, e.tags, coalesce((SELECT p.title || ' ' || p.summary || ' ' || p.who_has_it FROM teams t JOIN problems p ON p.id = t.problem_id WHERE t.id = e.team_id), ''), 'zvisible zoutcome' || coalesce(e.outcome, 'none') || ' zcause' || replace(coalesce(e.post_mortem_root_cause, 'none'), '-', '')
  FROM entries e WHERE e.id = new.id;
END;
--> statement-breakpoint
DROP INDEX IF EXISTS `entries_archive_idx`;
--> statement-breakpoint
DROP INDEX IF EXISTS `entries_fts_lookup_idx`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_worked`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_did_not_work`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_root_cause`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_root_cause_other`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_differently`;
--> statement-breakpoint
ALTER TABLE `entries` DROP COLUMN `pm_next_steps`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_sync_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_sync_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_sync_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `overall_comments_sync_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `overall_comments_sync_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `overall_comments_sync_delete`;
--> statement-breakpoint
DROP TABLE `reviews`;
