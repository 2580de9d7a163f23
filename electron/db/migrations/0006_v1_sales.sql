CREATE TABLE `sale_tokens` (
	`sale_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`token` text NOT NULL,
	PRIMARY KEY(`sale_id`, `position`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_tokens_token_idx` ON `sale_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`receipt_no` text NOT NULL,
	`receipt_seq` integer NOT NULL,
	`transaction_no` text NOT NULL,
	`station_code` text NOT NULL,
	`station_name` text NOT NULL,
	`district_id` text NOT NULL,
	`district_code` text NOT NULL,
	`district_name` text NOT NULL,
	`account_id` text NOT NULL,
	`account_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`customer_no` text NOT NULL,
	`customer_name` text NOT NULL,
	`meter_id` text NOT NULL,
	`meter_no` text NOT NULL,
	`meter_type` text NOT NULL,
	`scheme` text NOT NULL,
	`price_id` text NOT NULL,
	`price_name` text NOT NULL,
	`price_version` integer NOT NULL,
	`price_per_unit` integer NOT NULL,
	`currency` text NOT NULL,
	`tax_mode` text NOT NULL,
	`vat_bp` integer NOT NULL,
	`vat_minor` integer NOT NULL,
	`excise_bp` integer NOT NULL,
	`excise_minor` integer NOT NULL,
	`by` text NOT NULL,
	`paid_minor` integer NOT NULL,
	`charge_minor` integer NOT NULL,
	`rounding_minor` integer NOT NULL,
	`units_tenths` integer NOT NULL,
	`unit` text NOT NULL,
	`payment_type` text NOT NULL,
	`operator_id` text NOT NULL,
	`operator_login_id` text NOT NULL,
	`operator_name` text NOT NULL,
	`shift` text NOT NULL,
	`tid` integer,
	`base_year` integer,
	`tid_date` text,
	`tid_time_zone` text,
	`key_params` text,
	`key_change_json` text,
	`kit_count` integer,
	`tokens_json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_idempotency_key_unique` ON `sales` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_receipt_no_unique` ON `sales` (`receipt_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_transaction_no_unique` ON `sales` (`transaction_no`);--> statement-breakpoint
CREATE INDEX `sales_created_idx` ON `sales` (`created_at`);--> statement-breakpoint
CREATE INDEX `sales_customer_idx` ON `sales` (`customer_no`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_meter_no_idx` ON `sales` (`meter_no`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_meter_id_idx` ON `sales` (`meter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_account_idx` ON `sales` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_operator_idx` ON `sales` (`station_id`,`operator_login_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL,
	`updated_at` text NOT NULL
);
