import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { masterColumns } from './common';

export const districts = sqliteTable('districts', {
  ...masterColumns(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
});

export const stations = sqliteTable('stations', {
  ...masterColumns(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  districtId: text('district_id')
    .notNull()
    .references(() => districts.id),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
});
