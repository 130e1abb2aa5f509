CREATE TABLE `entry_answers` (
	`entry_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`entry_id`, `question_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `submission_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entry_answers_question_idx` ON `entry_answers` (`question_id`);--> statement-breakpoint
CREATE TABLE `submission_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `submission_questions_event_idx` ON `submission_questions` (`event_id`,`position`);