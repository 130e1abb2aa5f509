-- Custom: the results cache's triggers go (ADR 033): with them, concurrent writers hit SQLITE_BUSY.
DROP TRIGGER IF EXISTS `results_versions_events_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_scores_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_scores_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_scores_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_criteria_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_criteria_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_criteria_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_entries_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_entries_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_entries_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_teams_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_teams_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_problems_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_problems_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_team_members_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_team_members_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_team_members_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_event_judges_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_event_judges_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_event_judges_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_assignments_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_assignments_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_assignments_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_conflicts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_conflicts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_versions_judge_conflicts_delete`;
--> statement-breakpoint
DROP TABLE `results_versions`;