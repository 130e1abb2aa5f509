-- ADR 045, step 4: the team lead's old column goes. The release before this one no longer names it (step 3), and no
-- foreign key, index or trigger does, so SQLite drops it without a rebuild.
ALTER TABLE `teams` DROP COLUMN `created_by`;
