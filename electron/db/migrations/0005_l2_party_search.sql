-- Keyword search and the Top-up listing for customers and accounts (L2). drizzle's schema cannot describe virtual
-- tables or triggers, so this migration is written by hand and generated empty with `drizzle-kit generate --custom`,
-- as l1_meter_search is. Trigram FTS5 indexes answer "contains" searches over a million rows; rows are keyed by each
-- table's search_seq (a stable integer the repos assign; an implicit rowid could change on VACUUM). The triggers keep
-- the indexes equal to their tables, and keep accounts.listed true exactly while an account, its customer, its meter
-- and its price are all active (what the Top-up Center sells to).
CREATE VIRTUAL TABLE `customers_search` USING fts5(`customer_no`, `name`, `details`, tokenize = 'trigram', detail = 'none');
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO `customers_search` (`rowid`, `customer_no`, `name`, `details`)
  VALUES (new.`search_seq`, new.`customer_no`, new.`name`,
          new.`phone` || char(10) || new.`email` || char(10) || new.`address` || char(10) || new.`identity_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF `customer_no`, `name`, `phone`, `email`, `address`, `identity_no`, `search_seq` ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = old.`search_seq`;
  INSERT INTO `customers_search` (`rowid`, `customer_no`, `name`, `details`)
  VALUES (new.`search_seq`, new.`customer_no`, new.`name`,
          new.`phone` || char(10) || new.`email` || char(10) || new.`address` || char(10) || new.`identity_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = old.`search_seq`;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `accounts_search` USING fts5(`account_no`, tokenize = 'trigram', detail = 'none');
--> statement-breakpoint
CREATE TRIGGER `accounts_search_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `accounts_search` (`rowid`, `account_no`) VALUES (new.`search_seq`, new.`account_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_update` AFTER UPDATE OF `account_no`, `search_seq` ON `accounts` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` = old.`search_seq`;
  INSERT INTO `accounts_search` (`rowid`, `account_no`) VALUES (new.`search_seq`, new.`account_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_delete` AFTER DELETE ON `accounts` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` = old.`search_seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_listed_insert` AFTER INSERT ON `accounts` BEGIN
  UPDATE `accounts` SET `listed` = (new.`active` = 1
      AND EXISTS (SELECT 1 FROM `customers` WHERE `id` = new.`customer_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `meters` WHERE `id` = new.`meter_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `prices` WHERE `id` = new.`price_id` AND `active` = 1))
  WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_listed_update` AFTER UPDATE OF `active`, `customer_id`, `meter_id`, `price_id` ON `accounts` BEGIN
  UPDATE `accounts` SET `listed` = (new.`active` = 1
      AND EXISTS (SELECT 1 FROM `customers` WHERE `id` = new.`customer_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `meters` WHERE `id` = new.`meter_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `prices` WHERE `id` = new.`price_id` AND `active` = 1))
  WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_listed` AFTER UPDATE OF `active` ON `customers` WHEN old.`active` IS NOT new.`active` BEGIN
  UPDATE `accounts` SET `listed` = (`accounts`.`active` = 1 AND new.`active` = 1
      AND EXISTS (SELECT 1 FROM `meters` WHERE `id` = `accounts`.`meter_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `prices` WHERE `id` = `accounts`.`price_id` AND `active` = 1))
  WHERE `customer_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meters_listed` AFTER UPDATE OF `active` ON `meters` WHEN old.`active` IS NOT new.`active` BEGIN
  UPDATE `accounts` SET `listed` = (`accounts`.`active` = 1 AND new.`active` = 1
      AND EXISTS (SELECT 1 FROM `customers` WHERE `id` = `accounts`.`customer_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `prices` WHERE `id` = `accounts`.`price_id` AND `active` = 1))
  WHERE `meter_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `prices_listed` AFTER UPDATE OF `active` ON `prices` WHEN old.`active` IS NOT new.`active` BEGIN
  UPDATE `accounts` SET `listed` = (`accounts`.`active` = 1 AND new.`active` = 1
      AND EXISTS (SELECT 1 FROM `customers` WHERE `id` = `accounts`.`customer_id` AND `active` = 1)
      AND EXISTS (SELECT 1 FROM `meters` WHERE `id` = `accounts`.`meter_id` AND `active` = 1))
  WHERE `price_id` = new.`id`;
END;
