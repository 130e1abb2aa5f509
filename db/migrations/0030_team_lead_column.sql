-- Widen step of renaming teams.created_by (the team's lead, not its creator once the lead is handed over) to
-- teams.lead_id (ADR 037, ADR 042). The previous release reads and writes created_by; this one reads lead_id
-- and writes lead_id, and on insert both (created_by is NOT NULL with no default, and only a rebuild of the
-- table can change that). Triggers keep the two equal; each fires only while they differ, so no echo.
-- The narrow step in the next release rebuilds teams without created_by and with lead_id NOT NULL.
ALTER TABLE `teams` ADD `lead_id` text REFERENCES `users`(`id`);
--> statement-breakpoint
UPDATE `teams` SET `lead_id` = `created_by`;
--> statement-breakpoint
-- The previous release inserted with created_by only.
CREATE TRIGGER `teams_lead_insert` AFTER INSERT ON `teams` WHEN new.lead_id IS NULL BEGIN
  UPDATE `teams` SET `lead_id` = new.created_by WHERE `id` = new.id;
END;
--> statement-breakpoint
-- The previous release handed the lead over by updating created_by.
CREATE TRIGGER `teams_lead_from_old` AFTER UPDATE OF `created_by` ON `teams` WHEN new.created_by IS NOT new.lead_id BEGIN
  UPDATE `teams` SET `lead_id` = new.created_by WHERE `id` = new.id;
END;
--> statement-breakpoint
-- This release hands it over by updating lead_id; the previous release reads created_by.
CREATE TRIGGER `teams_lead_to_old` AFTER UPDATE OF `lead_id` ON `teams` WHEN new.lead_id IS NOT NULL AND new.lead_id IS NOT new.created_by BEGIN
  UPDATE `teams` SET `created_by` = new.lead_id WHERE `id` = new.id;
END;
