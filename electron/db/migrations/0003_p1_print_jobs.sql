CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`created_at` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` text,
	`layout` text NOT NULL,
	`record_json` text NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`printer` text,
	`bytes_sent` integer DEFAULT 0 NOT NULL,
	`last_error_code` text,
	`last_error` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `print_jobs_state_idx` ON `print_jobs` (`state`);--> statement-breakpoint
CREATE INDEX `print_jobs_source_idx` ON `print_jobs` (`source_kind`,`source_id`);--> statement-breakpoint
CREATE INDEX `print_jobs_created_idx` ON `print_jobs` (`created_at`);