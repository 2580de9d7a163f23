CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`account_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`meter_id` text NOT NULL,
	`sales_station_id` text NOT NULL,
	`price_id` text NOT NULL,
	`max_overdraft_tenths` integer,
	`search_seq` integer NOT NULL,
	`listed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_id`) REFERENCES `prices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_account_no_unique` ON `accounts` (`account_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_search_seq_unique` ON `accounts` (`search_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_one_active_per_meter` ON `accounts` (`meter_id`) WHERE active = 1;--> statement-breakpoint
CREATE INDEX `accounts_customer_idx` ON `accounts` (`customer_id`);--> statement-breakpoint
CREATE INDEX `accounts_meter_idx` ON `accounts` (`meter_id`);--> statement-breakpoint
CREATE INDEX `accounts_price_idx` ON `accounts` (`price_id`);--> statement-breakpoint
CREATE INDEX `accounts_sales_station_idx` ON `accounts` (`sales_station_id`);--> statement-breakpoint
CREATE INDEX `accounts_listed_idx` ON `accounts` (`meter_id`) WHERE listed = 1;--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`customer_no` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`identity_no` text DEFAULT '' NOT NULL,
	`category_id` text NOT NULL,
	`district_id` text NOT NULL,
	`search_seq` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `customer_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_customer_no_unique` ON `customers` (`customer_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_search_seq_unique` ON `customers` (`search_seq`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`,`customer_no`);--> statement-breakpoint
CREATE INDEX `customers_district_idx` ON `customers` (`district_id`);--> statement-breakpoint
CREATE INDEX `customers_category_idx` ON `customers` (`category_id`);