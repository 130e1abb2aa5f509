-- Widen step of renaming the table reviews (a judge's overall comment per entry and round) to overall_comments
-- (ADR 042). The previous release, still serving during a rolling deploy, reads and writes reviews; this one
-- reads and writes only overall_comments. Triggers mirror inserts, updates (its upserts) and deletes both ways;
-- each writes only when the other table differs, so with recursive_triggers off the pair settles after one copy.
-- The narrow step in the next release drops the triggers and the reviews table.
CREATE TABLE `overall_comments` (
	`entry_id` text NOT NULL,
	`judge_id` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`entry_id`, `judge_id`, `round`),
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `overall_comments` (`entry_id`, `judge_id`, `comment`, `round`, `updated_at`)
SELECT `entry_id`, `judge_id`, `comment`, `round`, `updated_at` FROM `reviews`;
--> statement-breakpoint
CREATE TRIGGER `reviews_sync_insert` AFTER INSERT ON `reviews` BEGIN
  INSERT INTO `overall_comments` (`entry_id`, `judge_id`, `comment`, `round`, `updated_at`)
  VALUES (new.entry_id, new.judge_id, new.comment, new.round, new.updated_at)
  ON CONFLICT (`entry_id`, `judge_id`, `round`) DO UPDATE SET `comment` = excluded.comment, `updated_at` = excluded.updated_at
  WHERE `comment` IS NOT excluded.comment OR `updated_at` IS NOT excluded.updated_at;
END;
--> statement-breakpoint
CREATE TRIGGER `overall_comments_sync_insert` AFTER INSERT ON `overall_comments` BEGIN
  INSERT INTO `reviews` (`entry_id`, `judge_id`, `comment`, `round`, `updated_at`)
  VALUES (new.entry_id, new.judge_id, new.comment, new.round, new.updated_at)
  ON CONFLICT (`entry_id`, `judge_id`, `round`) DO UPDATE SET `comment` = excluded.comment, `updated_at` = excluded.updated_at
  WHERE `comment` IS NOT excluded.comment OR `updated_at` IS NOT excluded.updated_at;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_sync_update` AFTER UPDATE ON `reviews` BEGIN
  UPDATE `overall_comments` SET `entry_id` = new.entry_id, `judge_id` = new.judge_id, `round` = new.round, `comment` = new.comment, `updated_at` = new.updated_at
  WHERE `entry_id` = old.entry_id AND `judge_id` = old.judge_id AND `round` = old.round
    AND (`entry_id` IS NOT new.entry_id OR `judge_id` IS NOT new.judge_id OR `round` IS NOT new.round OR `comment` IS NOT new.comment OR `updated_at` IS NOT new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `overall_comments_sync_update` AFTER UPDATE ON `overall_comments` BEGIN
  UPDATE `reviews` SET `entry_id` = new.entry_id, `judge_id` = new.judge_id, `round` = new.round, `comment` = new.comment, `updated_at` = new.updated_at
  WHERE `entry_id` = old.entry_id AND `judge_id` = old.judge_id AND `round` = old.round
    AND (`entry_id` IS NOT new.entry_id OR `judge_id` IS NOT new.judge_id OR `round` IS NOT new.round OR `comment` IS NOT new.comment OR `updated_at` IS NOT new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_sync_delete` AFTER DELETE ON `reviews` BEGIN
  DELETE FROM `overall_comments` WHERE `entry_id` = old.entry_id AND `judge_id` = old.judge_id AND `round` = old.round;
END;
--> statement-breakpoint
CREATE TRIGGER `overall_comments_sync_delete` AFTER DELETE ON `overall_comments` BEGIN
  DELETE FROM `reviews` WHERE `entry_id` = old.entry_id AND `judge_id` = old.judge_id AND `round` = old.round;
END;
