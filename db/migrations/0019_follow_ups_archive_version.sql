-- Custom: a follow-up changes what the archive shows (its "Went to production" filter, the home's figures, the
-- digest), so recording one moves the archive's version like any other change to a closed event (ADR 008, ADR 030).
CREATE TRIGGER `archive_version_follow_ups_insert` AFTER INSERT ON `follow_ups` WHEN 'closed' IN (SELECT ev.`phase` FROM `entries` e JOIN `events` ev ON ev.`id` = e.`event_id` WHERE e.`id` = new.`entry_id`) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `archive_version_follow_ups_delete` AFTER DELETE ON `follow_ups` WHEN 'closed' IN (SELECT ev.`phase` FROM `entries` e JOIN `events` ev ON ev.`id` = e.`event_id` WHERE e.`id` = old.`entry_id`) BEGIN
  UPDATE `archive_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
