CREATE TABLE `management_token_numbers` (
	`record_id` text NOT NULL,
	`position` integer NOT NULL,
	`token` text NOT NULL,
	PRIMARY KEY(`record_id`, `position`),
	FOREIGN KEY (`record_id`) REFERENCES `management_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `management_token_numbers_token_idx` ON `management_token_numbers` (`token`);--> statement-breakpoint
CREATE TABLE `management_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`account_id` text,
	`account_no` text,
	`customer_id` text,
	`customer_no` text,
	`customer_name` text,
	`meter_id` text NOT NULL,
	`meter_no` text NOT NULL,
	`profile_id` text NOT NULL,
	`value_text` text,
	`value_number` integer,
	`params_json` text NOT NULL,
	`tid` integer,
	`base_year` integer,
	`tid_date` text,
	`key_params` text,
	`receipt_mark` text,
	`operator_id` text NOT NULL,
	`operator_login_id` text NOT NULL,
	`operator_name` text NOT NULL,
	`tokens_json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `management_tokens_idempotency_key_unique` ON `management_tokens` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `management_tokens_kind_idx` ON `management_tokens` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `management_tokens_meter_idx` ON `management_tokens` (`meter_id`,`created_at`);