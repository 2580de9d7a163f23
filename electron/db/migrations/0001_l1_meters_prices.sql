CREATE TABLE `customer_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`built_in` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meter_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`manufacturer_code` text,
	`kind` text NOT NULL,
	`scheme` text NOT NULL,
	`serial_prefix` text,
	`default_keys_json` text,
	`management_tokens_json` text NOT NULL,
	`encodings_json` text NOT NULL,
	`test_only` integer DEFAULT false NOT NULL,
	`built_in` integer DEFAULT true NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meter_tids` (
	`meter_id` text NOT NULL,
	`base_year` integer NOT NULL,
	`last_tid` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`meter_id`, `base_year`),
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meters` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`meter_no` text NOT NULL,
	`meter_type` text NOT NULL,
	`profile_id` text NOT NULL,
	`sgc` text,
	`ti` integer,
	`krn` integer,
	`key_type` integer,
	`algorithm` text,
	`base_year` integer,
	`dkga` text,
	`pending_sgc` text,
	`pending_ti` integer,
	`pending_krn` integer,
	`pending_key_type` integer,
	`pending_algorithm` text,
	`pending_base_year` integer,
	`pending_dkga` text,
	`kit_starting_code` text,
	`kit_count` integer,
	`kit_secret_set` integer DEFAULT false NOT NULL,
	`search_seq` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `meter_profiles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meters_meter_no_unique` ON `meters` (`meter_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `meters_search_seq_unique` ON `meters` (`search_seq`);--> statement-breakpoint
CREATE INDEX `meters_type_no_idx` ON `meters` (`meter_type`,`meter_no`);--> statement-breakpoint
CREATE INDEX `meters_profile_idx` ON `meters` (`profile_id`,`meter_no`);--> statement-breakpoint
CREATE TABLE `prices` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`name` text NOT NULL,
	`meter_type` text NOT NULL,
	`category_id` text NOT NULL,
	`price_per_unit` integer NOT NULL,
	`currency` text NOT NULL,
	`vat_bp` integer DEFAULT 0 NOT NULL,
	`excise_bp` integer DEFAULT 0 NOT NULL,
	`tax_mode` text NOT NULL,
	`min_purchase` integer DEFAULT 0 NOT NULL,
	`max_purchase` integer,
	FOREIGN KEY (`category_id`) REFERENCES `customer_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prices_name_unique` ON `prices` (`name`);--> statement-breakpoint
CREATE INDEX `prices_type_category_idx` ON `prices` (`meter_type`,`category_id`);