-- The index's vocabulary (its stems), read to repair prefixes that stemming cut short: `evaluat*`
-- finds nothing because "evaluation" is stored as `evalu` (ADR 008). Always current: fts5vocab reads
-- the index itself.
CREATE VIRTUAL TABLE `learnings_vocab` USING fts5vocab(`learnings_fts`, 'row');
