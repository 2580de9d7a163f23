-- Keyword search over meter numbers (L1): a trigram FTS5 index answers "contains" searches (LIKE '%58000%') without
-- scanning every meter. drizzle's schema cannot describe a virtual table or triggers, so this migration is written by
-- hand and generated empty with `drizzle-kit generate --custom`. Rows are keyed by meters.search_seq (a stable integer
-- the meters repo assigns; an implicit rowid could change on VACUUM); the triggers keep the index equal to the table.
CREATE VIRTUAL TABLE `meters_search` USING fts5(`meter_no`, tokenize = 'trigram', detail = 'none');
--> statement-breakpoint
CREATE TRIGGER `meters_search_insert` AFTER INSERT ON `meters` BEGIN
  INSERT INTO `meters_search` (`rowid`, `meter_no`) VALUES (new.`search_seq`, new.`meter_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `meters_search_update` AFTER UPDATE OF `meter_no`, `search_seq` ON `meters` BEGIN
  DELETE FROM `meters_search` WHERE `rowid` = old.`search_seq`;
  INSERT INTO `meters_search` (`rowid`, `meter_no`) VALUES (new.`search_seq`, new.`meter_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `meters_search_delete` AFTER DELETE ON `meters` BEGIN
  DELETE FROM `meters_search` WHERE `rowid` = old.`search_seq`;
END;
