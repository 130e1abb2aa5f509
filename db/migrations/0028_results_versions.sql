CREATE TABLE `results_versions` (
	`event_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);;
--> statement-breakpoint
-- Custom: each event's results version (ADR 033, ADR 044). Every change an event's results page shows moves it, in
-- the same statement as the change, so each app process's results cache (app/modules/judging/results-cache.server.ts)
-- is keyed on one primary-key read. Event settings (scale, judges per entry, official ranking, round) are part of
-- the cache key instead. Users' names and awards are read per request.
INSERT INTO `results_versions` (`event_id`, `version`) SELECT `id`, 0 FROM `events`;
--> statement-breakpoint
CREATE TRIGGER `results_versions_events_insert` AFTER INSERT ON `events` BEGIN
  INSERT OR IGNORE INTO `results_versions` (`event_id`, `version`) VALUES (new.`id`, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_scores_insert` AFTER INSERT ON `scores` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (SELECT `event_id` FROM `entries` WHERE `id` = new.`entry_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_scores_update` AFTER UPDATE ON `scores` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (SELECT `event_id` FROM `entries` WHERE `id` IN (old.`entry_id`, new.`entry_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_scores_delete` AFTER DELETE ON `scores` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (SELECT `event_id` FROM `entries` WHERE `id` = old.`entry_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_criteria_insert` AFTER INSERT ON `criteria` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_criteria_update` AFTER UPDATE ON `criteria` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_criteria_delete` AFTER DELETE ON `criteria` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_assignments_insert` AFTER INSERT ON `judge_assignments` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_assignments_update` AFTER UPDATE ON `judge_assignments` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_assignments_delete` AFTER DELETE ON `judge_assignments` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_conflicts_insert` AFTER INSERT ON `judge_conflicts` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_conflicts_update` AFTER UPDATE ON `judge_conflicts` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_judge_conflicts_delete` AFTER DELETE ON `judge_conflicts` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_event_judges_insert` AFTER INSERT ON `event_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_event_judges_update` AFTER UPDATE ON `event_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_event_judges_delete` AFTER DELETE ON `event_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_final_judges_insert` AFTER INSERT ON `final_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_final_judges_update` AFTER UPDATE ON `final_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_final_judges_delete` AFTER DELETE ON `final_judges` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_finalists_insert` AFTER INSERT ON `finalists` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_finalists_update` AFTER UPDATE ON `finalists` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_finalists_delete` AFTER DELETE ON `finalists` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_team_members_insert` AFTER INSERT ON `team_members` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_team_members_update` AFTER UPDATE ON `team_members` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_team_members_delete` AFTER DELETE ON `team_members` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_entries_insert` AFTER INSERT ON `entries` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_entries_update` AFTER UPDATE OF `event_id`, `team_id`, `status`, `title`, `outcome` ON `entries` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_entries_delete` AFTER DELETE ON `entries` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_teams_update` AFTER UPDATE OF `event_id`, `name`, `problem_id` ON `teams` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_teams_delete` AFTER DELETE ON `teams` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_problems_update` AFTER UPDATE OF `event_id`, `title` ON `problems` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`, new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_versions_problems_delete` AFTER DELETE ON `problems` BEGIN
  UPDATE `results_versions` SET `version` = `version` + 1 WHERE `event_id` IN (old.`event_id`);
END;
