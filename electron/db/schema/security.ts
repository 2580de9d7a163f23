import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bornColumns, masterColumns } from './common';

export const roles = sqliteTable('roles', {
  ...masterColumns(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
});

export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const users = sqliteTable('users', {
  ...masterColumns(),
  loginId: text('login_id').notNull().unique(),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  roleId: text('role_id')
    .notNull()
    .references(() => roles.id),
  passwordHash: text('password_hash').notNull(),
  vendPasswordHash: text('vend_password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  temporaryPasswordExpiresAt: text('temporary_password_expires_at'),
});

export const loginHistory = sqliteTable('login_history', {
  ...bornColumns(),
  loginId: text('login_id').notNull(),
  result: text('result', { enum: ['success', 'failure', 'locked'] }).notNull(),
  reason: text('reason').notNull(),
});

/** Consecutive failures per login id and password kind; persisted so a restart (or kill -9) does not reset a lock. */
export const authFailures = sqliteTable(
  'auth_failures',
  {
    loginId: text('login_id').notNull(),
    kind: text('kind', { enum: ['login', 'vend'] }).notNull(),
    count: integer('count').notNull().default(0),
    lockedAt: text('locked_at'),
    lastFailureAt: text('last_failure_at'),
  },
  (t) => [primaryKey({ columns: [t.loginId, t.kind] })],
);
