ALTER TABLE `join_requests` ADD `declined_at` integer;--> statement-breakpoint
-- Requests declined before this migration: the decline was their last change.
UPDATE `join_requests` SET `declined_at` = `updated_at` WHERE `status` = 'declined';
