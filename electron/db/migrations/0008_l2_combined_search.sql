-- One search text per customer and per account (L2), replacing l2_party_search's multi-column search tables. With
-- detail = 'none' an FTS5 table cannot tell its columns apart, so a LIKE on one column paid for every column's
-- trigrams; and the Top-up search went from customers to their accounts row by row. Now each row has one text (fields
-- joined by a line break, so a match never spans two fields): a customer's number, name, phone, email, address and
-- identity number; an account's number, its customer's number and name, and its meter's number. A keyword is one
-- trigram LIKE, straight to the rows. Written by hand and generated empty with `drizzle-kit generate --custom`
-- (drizzle cannot describe virtual tables or triggers); the triggers keep the texts equal to the tables, including when
-- a customer is renamed or renumbered (its accounts' texts follow).
DROP TRIGGER `customers_search_insert`;
--> statement-breakpoint
DROP TRIGGER `customers_search_update`;
--> statement-breakpoint
DROP TRIGGER `customers_search_delete`;
--> statement-breakpoint
DROP TABLE `customers_search`;
--> statement-breakpoint
DROP TRIGGER `accounts_search_insert`;
--> statement-breakpoint
DROP TRIGGER `accounts_search_update`;
--> statement-breakpoint
DROP TRIGGER `accounts_search_delete`;
--> statement-breakpoint
DROP TABLE `accounts_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `customers_search` USING fts5(`text`, tokenize = 'trigram', detail = 'none');
--> statement-breakpoint
INSERT INTO `customers_search` (`rowid`, `text`)
  SELECT `search_seq`, `customer_no` || char(10) || `name` || char(10) || `phone` || char(10) || `email` || char(10) || `address` || char(10) || `identity_no`
    FROM `customers`;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO `customers_search` (`rowid`, `text`)
  VALUES (new.`search_seq`, new.`customer_no` || char(10) || new.`name` || char(10) || new.`phone` || char(10) || new.`email` || char(10) || new.`address` || char(10) || new.`identity_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF `customer_no`, `name`, `phone`, `email`, `address`, `identity_no`, `search_seq` ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = old.`search_seq`;
  INSERT INTO `customers_search` (`rowid`, `text`)
  VALUES (new.`search_seq`, new.`customer_no` || char(10) || new.`name` || char(10) || new.`phone` || char(10) || new.`email` || char(10) || new.`address` || char(10) || new.`identity_no`);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = old.`search_seq`;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `accounts_search` USING fts5(`text`, tokenize = 'trigram', detail = 'none');
--> statement-breakpoint
INSERT INTO `accounts_search` (`rowid`, `text`)
  SELECT a.`search_seq`, a.`account_no` || char(10) || c.`customer_no` || char(10) || c.`name` || char(10) || m.`meter_no`
    FROM `accounts` a JOIN `customers` c ON c.`id` = a.`customer_id` JOIN `meters` m ON m.`id` = a.`meter_id`;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `accounts_search` (`rowid`, `text`)
  SELECT new.`search_seq`, new.`account_no` || char(10) || c.`customer_no` || char(10) || c.`name` || char(10) || m.`meter_no`
    FROM `customers` c, `meters` m WHERE c.`id` = new.`customer_id` AND m.`id` = new.`meter_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_update` AFTER UPDATE OF `account_no`, `customer_id`, `meter_id`, `search_seq` ON `accounts` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` = old.`search_seq`;
  INSERT INTO `accounts_search` (`rowid`, `text`)
  SELECT new.`search_seq`, new.`account_no` || char(10) || c.`customer_no` || char(10) || c.`name` || char(10) || m.`meter_no`
    FROM `customers` c, `meters` m WHERE c.`id` = new.`customer_id` AND m.`id` = new.`meter_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_delete` AFTER DELETE ON `accounts` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` = old.`search_seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_accounts_search` AFTER UPDATE OF `customer_no`, `name` ON `customers`
  WHEN old.`customer_no` IS NOT new.`customer_no` OR old.`name` IS NOT new.`name` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` IN (SELECT `search_seq` FROM `accounts` WHERE `customer_id` = new.`id`);
  INSERT INTO `accounts_search` (`rowid`, `text`)
  SELECT a.`search_seq`, a.`account_no` || char(10) || new.`customer_no` || char(10) || new.`name` || char(10) || m.`meter_no`
    FROM `accounts` a JOIN `meters` m ON m.`id` = a.`meter_id` WHERE a.`customer_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meters_accounts_search` AFTER UPDATE OF `meter_no` ON `meters` WHEN old.`meter_no` IS NOT new.`meter_no` BEGIN
  DELETE FROM `accounts_search` WHERE `rowid` IN (SELECT `search_seq` FROM `accounts` WHERE `meter_id` = new.`id`);
  INSERT INTO `accounts_search` (`rowid`, `text`)
  SELECT a.`search_seq`, a.`account_no` || char(10) || c.`customer_no` || char(10) || c.`name` || char(10) || new.`meter_no`
    FROM `accounts` a JOIN `customers` c ON c.`id` = a.`customer_id` WHERE a.`meter_id` = new.`id`;
END;
