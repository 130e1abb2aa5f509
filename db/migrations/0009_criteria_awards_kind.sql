-- Rules key on a `kind`, never on a display name organizers can edit (ADR 012). Widen step: the
-- column arrives with the default 'custom', so the previous version's inserts still succeed; existing
-- rows are backfilled from the default names (and, for Learnings, the old '%learning%' rule, first
-- by position); one row per kind and event. The triggers give rows that the previous version inserts
-- during a rolling deploy their kind; the narrow step, a later migration once no such process runs,
-- drops them (DROP TRIGGER criteria_kind_from_default_name; DROP TRIGGER awards_kind_from_default_name).
ALTER TABLE `awards` ADD `kind` text DEFAULT 'custom' NOT NULL;--> statement-breakpoint
ALTER TABLE `criteria` ADD `kind` text DEFAULT 'custom' NOT NULL;--> statement-breakpoint
UPDATE `criteria` SET `kind` = CASE lower(trim(`name`))
    WHEN 'problem fit' THEN 'problem-fit'
    WHEN 'beyond replication' THEN 'beyond-replication'
    WHEN 'pragmatic use of existing models and tools' THEN 'pragmatic-tools'
    WHEN 'ai metric' THEN 'ai-metric'
    WHEN 'user control' THEN 'user-control'
  END
WHERE lower(trim(`name`)) IN ('problem fit', 'beyond replication', 'pragmatic use of existing models and tools', 'ai metric', 'user control')
  AND `id` = (SELECT c2.id FROM criteria c2 WHERE c2.event_id = criteria.event_id AND lower(trim(c2.name)) = lower(trim(criteria.name)) ORDER BY c2.position, c2.id LIMIT 1);--> statement-breakpoint
UPDATE `criteria` SET `kind` = 'learnings'
WHERE `id` = (SELECT c2.id FROM criteria c2 WHERE c2.event_id = criteria.event_id AND lower(c2.name) LIKE '%learning%' ORDER BY c2.position, c2.id LIMIT 1);--> statement-breakpoint
UPDATE `awards` SET `kind` = CASE lower(trim(`name`))
    WHEN 'best overall' THEN 'best-overall'
    WHEN 'most valuable failure' THEN 'most-valuable-failure'
    WHEN 'best ai metric' THEN 'best-ai-metric'
  END
WHERE lower(trim(`name`)) IN ('best overall', 'most valuable failure', 'best ai metric');--> statement-breakpoint
CREATE UNIQUE INDEX `awards_event_kind_idx` ON `awards` (`event_id`,`kind`) WHERE kind <> 'custom';--> statement-breakpoint
CREATE UNIQUE INDEX `criteria_event_kind_idx` ON `criteria` (`event_id`,`kind`) WHERE kind <> 'custom';--> statement-breakpoint
CREATE TRIGGER `criteria_kind_from_default_name` AFTER INSERT ON `criteria` WHEN new.kind = 'custom' AND new.name IN ('Problem fit', 'Beyond replication', 'Pragmatic use of existing models and tools', 'AI metric', 'User control', 'Learnings') BEGIN
  UPDATE `criteria` SET `kind` = CASE new.name
      WHEN 'Problem fit' THEN 'problem-fit'
      WHEN 'Beyond replication' THEN 'beyond-replication'
      WHEN 'Pragmatic use of existing models and tools' THEN 'pragmatic-tools'
      WHEN 'AI metric' THEN 'ai-metric'
      WHEN 'User control' THEN 'user-control'
      ELSE 'learnings'
    END
  WHERE `id` = new.id AND NOT EXISTS (SELECT 1 FROM criteria c2 WHERE c2.event_id = new.event_id AND c2.kind = CASE new.name
      WHEN 'Problem fit' THEN 'problem-fit'
      WHEN 'Beyond replication' THEN 'beyond-replication'
      WHEN 'Pragmatic use of existing models and tools' THEN 'pragmatic-tools'
      WHEN 'AI metric' THEN 'ai-metric'
      WHEN 'User control' THEN 'user-control'
      ELSE 'learnings'
    END);
END;--> statement-breakpoint
CREATE TRIGGER `awards_kind_from_default_name` AFTER INSERT ON `awards` WHEN new.kind = 'custom' AND new.name IN ('Best overall', 'Most valuable failure', 'Best AI metric') BEGIN
  UPDATE `awards` SET `kind` = CASE new.name WHEN 'Best overall' THEN 'best-overall' WHEN 'Most valuable failure' THEN 'most-valuable-failure' ELSE 'best-ai-metric' END
  WHERE `id` = new.id AND NOT EXISTS (SELECT 1 FROM awards a2 WHERE a2.event_id = new.event_id
    AND a2.kind = CASE new.name WHEN 'Best overall' THEN 'best-overall' WHEN 'Most valuable failure' THEN 'most-valuable-failure' ELSE 'best-ai-metric' END);
END;
