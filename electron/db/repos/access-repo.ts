import type Database from 'better-sqlite3';
import { ADMIN_PERMISSIONS } from '../../../shared/auth/access-rules';
import type { RoleSortColumn, UserSortColumn } from '../../../shared/ipc/access-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import { containsPattern, createPagedQuery, type KeywordCondition } from './paged-query';

/**
 * Role Management and User Management tables (S1): roles with their permissions, users with their role and lock
 * state. Password hashes are written here but never read back into a record: the records are what screens and the
 * outbox may see. Lock state is read from auth_failures (the persisted counters of the auth throttle).
 */
export interface RoleRecord {
  id: string;
  stationId: string;
  createdAt: string;
  code: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
  userCount: number;
  activeUserCount: number;
  version: number;
  updatedAt: string;
  active: boolean;
}

export interface UserRecord {
  id: string;
  stationId: string;
  createdAt: string;
  loginId: string;
  name: string;
  phone: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  active: boolean;
  mustChangePassword: boolean;
  temporaryPasswordExpiresAt: string | null;
  loginLocked: boolean;
  vendLocked: boolean;
  version: number;
  updatedAt: string;
}

export interface NewRole {
  id: string;
  stationId: string;
  createdAt: string;
  code: string;
  name: string;
  permissions: readonly string[];
}

export interface NewUser {
  id: string;
  stationId: string;
  createdAt: string;
  loginId: string;
  name: string;
  phone: string;
  roleId: string;
  active: boolean;
  passwordHash: string;
  vendPasswordHash: string;
  temporaryPasswordExpiresAt: string;
}

export interface AccessRepo {
  roleList(request: ListRequest<RoleSortColumn>): ListResponse<RoleRecord>;
  roleById(id: string): RoleRecord | null;
  /** The roles every installation starts with (Admin, Supervisor, OnlyVending), as stored. */
  builtInRoles(): RoleRecord[];
  /** A role whose id equals this one without regard to letter case ("admin" and "Admin" would confuse everyone). */
  roleCodeTaken(code: string): boolean;
  roleChoices(): Array<{ id: string; code: string; name: string }>;
  insertRole(role: NewRole): void;
  /** False when the row is not at `expectedVersion` (changed meanwhile). */
  updateRole(id: string, expectedVersion: number, values: { name: string; permissions: readonly string[] }, now: string): boolean;
  deleteRole(id: string): void;
  userIdsWithRole(roleId: string): string[];
  roleSyncRow(id: string): Record<string, unknown> | null;

  userList(request: ListRequest<UserSortColumn>): ListResponse<UserRecord>;
  userById(id: string): UserRecord | null;
  userByLoginId(loginId: string): UserRecord | null;
  /** A user whose id equals this one without regard to letter case. */
  loginIdTaken(loginId: string): boolean;
  insertUser(user: NewUser): void;
  updateUser(id: string, expectedVersion: number, values: { name: string; phone: string; roleId: string; active: boolean }, now: string): boolean;
  /** A reset: both passwords become the temporary one, to be changed at the next sign-in. */
  setTemporaryPassword(id: string, expectedVersion: number, hashes: { login: string; vend: string }, expiresAt: string, now: string): boolean;
  /** The user chose their own password(s): clears the forced change and the temporary expiry (passwords do not sync: no new version). */
  setOwnPasswords(id: string, hashes: { login?: string; vend?: string }, now: string): void;
  /** Hashes of a user's passwords, for the password checks only (never put in a record). */
  passwordHashes(id: string): { login: string; vend: string } | null;
  deleteUser(id: string): void;
  /** Whether the user signed in or acted (login history or audit rows as actor): such a user is deactivated, not deleted. */
  userHasHistory(loginId: string): boolean;
  userSyncRow(id: string): Record<string, unknown> | null;

  /** Active users whose role holds every admin permission, leaving out one user or every user of one role. */
  countActiveAdmins(exclude?: { userId?: string; roleId?: string }): number;
}

type Raw = Record<string, unknown>;

const ROLE_COLUMNS = `r.id, r.station_id AS stationId, r.created_at AS createdAt, r.code, r.name, r.built_in AS builtIn,
  r.version, r.updated_at AS updatedAt, r.active,
  (SELECT count(*) FROM users u WHERE u.role_id = r.id) AS userCount,
  (SELECT count(*) FROM users u WHERE u.role_id = r.id AND u.active = 1) AS activeUserCount`;

const USER_COLUMNS = `u.id, u.station_id AS stationId, u.created_at AS createdAt, u.login_id AS loginId, u.name, u.phone,
  u.role_id AS roleId, r.code AS roleCode, r.name AS roleName, u.active, u.must_change_password AS mustChangePassword,
  u.temporary_password_expires_at AS temporaryPasswordExpiresAt, u.version, u.updated_at AS updatedAt,
  EXISTS (SELECT 1 FROM auth_failures f WHERE f.login_id = u.login_id AND f.kind = 'login' AND f.locked_at IS NOT NULL) AS loginLocked,
  EXISTS (SELECT 1 FROM auth_failures f WHERE f.login_id = u.login_id AND f.kind = 'vend' AND f.locked_at IS NOT NULL) AS vendLocked`;

/** Roles holding every admin permission (the ids are constants of the catalogue: no quotes in them). */
const ADMIN_ROLE_IDS = `SELECT role_id FROM role_permissions WHERE permission IN (${ADMIN_PERMISSIONS.map((p) => `'${p}'`).join(', ')})
  GROUP BY role_id HAVING count(DISTINCT permission) = ${ADMIN_PERMISSIONS.length}`;

export function createAccessRepo(sqlite: Database.Database): AccessRepo {
  const permissionsOf = sqlite.prepare('SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission');
  const rolePermissions = (roleId: string): string[] => (permissionsOf.all(roleId) as Array<{ permission: string }>).map((row) => row.permission);

  const toRole = (raw: Raw): RoleRecord => ({
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    code: raw.code as string,
    name: raw.name as string,
    builtIn: raw.builtIn === 1,
    permissions: rolePermissions(raw.id as string),
    userCount: raw.userCount as number,
    activeUserCount: raw.activeUserCount as number,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
  });

  const toUser = (raw: Raw): UserRecord => ({
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    loginId: raw.loginId as string,
    name: raw.name as string,
    phone: raw.phone as string,
    roleId: raw.roleId as string,
    roleCode: raw.roleCode as string,
    roleName: raw.roleName as string,
    active: raw.active === 1,
    mustChangePassword: raw.mustChangePassword === 1,
    temporaryPasswordExpiresAt: (raw.temporaryPasswordExpiresAt as string | null) ?? null,
    loginLocked: raw.loginLocked === 1,
    vendLocked: raw.vendLocked === 1,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
  });

  const roleList = createPagedQuery<RoleRecord, RoleSortColumn>(sqlite, {
    table: 'roles r',
    select: ROLE_COLUMNS,
    sortColumns: {
      code: 'r.code COLLATE NOCASE',
      name: 'r.name COLLATE NOCASE',
      users: '(SELECT count(*) FROM users u WHERE u.role_id = r.id)',
    },
    defaultSort: { column: 'code', direction: 'asc' },
    tieBreaker: 'r.id',
    keyword: (text): KeywordCondition => {
      const pattern = containsPattern(text);
      return { selective: { sql: "(r.code LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\')", params: [pattern, pattern] } };
    },
    mapRow: toRole,
  });

  const userList = createPagedQuery<UserRecord, UserSortColumn>(sqlite, {
    table: 'users u',
    joins: 'JOIN roles r ON r.id = u.role_id',
    select: USER_COLUMNS,
    sortColumns: {
      loginId: 'u.login_id COLLATE NOCASE',
      name: 'u.name COLLATE NOCASE',
      phone: 'u.phone',
      role: 'r.name COLLATE NOCASE',
      active: 'u.active',
    },
    defaultSort: { column: 'loginId', direction: 'asc' },
    tieBreaker: 'u.id',
    keyword: (text): KeywordCondition => {
      const pattern = containsPattern(text);
      return {
        selective: {
          sql: `(u.login_id LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\' OR u.phone LIKE ? ESCAPE '\\'
                 OR u.role_id IN (SELECT id FROM roles WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'))`,
          params: [pattern, pattern, pattern, pattern, pattern],
        },
      };
    },
    mapRow: toUser,
  });

  const roleByIdStmt = sqlite.prepare(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.id = ?`);
  const builtInRolesStmt = sqlite.prepare(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.built_in = 1 ORDER BY r.code`);
  const roleCodeTakenStmt = sqlite.prepare('SELECT 1 FROM roles WHERE lower(code) = lower(?) LIMIT 1');
  const roleChoicesStmt = sqlite.prepare('SELECT id, code, name FROM roles WHERE active = 1 ORDER BY code COLLATE NOCASE, id');
  const insertRoleStmt = sqlite.prepare(
    `INSERT INTO roles (id, station_id, created_at, version, updated_at, active, code, name, built_in)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @code, @name, 0)`,
  );
  const insertPermission = sqlite.prepare('INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)');
  const clearPermissions = sqlite.prepare('DELETE FROM role_permissions WHERE role_id = ?');
  const updateRoleStmt = sqlite.prepare('UPDATE roles SET name = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?');
  const deleteRoleStmt = sqlite.prepare('DELETE FROM roles WHERE id = ?');
  const usersOfRoleStmt = sqlite.prepare('SELECT id FROM users WHERE role_id = ?');
  const roleSyncStmt = sqlite.prepare(
    `SELECT id, station_id AS stationId, created_at AS createdAt, version, updated_at AS updatedAt, active, code, name,
            built_in AS builtIn FROM roles WHERE id = ?`,
  );

  const userByIdStmt = sqlite.prepare(`SELECT ${USER_COLUMNS} FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?`);
  const userByLoginStmt = sqlite.prepare(`SELECT ${USER_COLUMNS} FROM users u JOIN roles r ON r.id = u.role_id WHERE u.login_id = ?`);
  const loginTakenStmt = sqlite.prepare('SELECT 1 FROM users WHERE lower(login_id) = lower(?) LIMIT 1');
  const insertUserStmt = sqlite.prepare(
    `INSERT INTO users (id, station_id, created_at, version, updated_at, active, login_id, name, phone, role_id, password_hash,
                        vend_password_hash, must_change_password, temporary_password_expires_at)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, @active, @loginId, @name, @phone, @roleId, @passwordHash,
             @vendPasswordHash, 1, @temporaryPasswordExpiresAt)`,
  );
  const updateUserStmt = sqlite.prepare(
    `UPDATE users SET name = @name, phone = @phone, role_id = @roleId, active = @active, version = version + 1, updated_at = @now
     WHERE id = @id AND version = @expectedVersion`,
  );
  const setTemporaryStmt = sqlite.prepare(
    `UPDATE users SET password_hash = @login, vend_password_hash = @vend, must_change_password = 1,
       temporary_password_expires_at = @expiresAt, version = version + 1, updated_at = @now
     WHERE id = @id AND version = @expectedVersion`,
  );
  const setOwnStmt = sqlite.prepare(
    `UPDATE users SET password_hash = COALESCE(@login, password_hash), vend_password_hash = COALESCE(@vend, vend_password_hash),
       must_change_password = 0, temporary_password_expires_at = NULL, updated_at = @now WHERE id = @id`,
  );
  const hashesStmt = sqlite.prepare('SELECT password_hash AS login, vend_password_hash AS vend FROM users WHERE id = ?');
  const deleteUserStmt = sqlite.prepare('DELETE FROM users WHERE id = ?');
  const historyStmt = sqlite.prepare(
    'SELECT EXISTS (SELECT 1 FROM login_history WHERE login_id = @loginId) OR EXISTS (SELECT 1 FROM audit_log WHERE actor = @loginId) AS has',
  );
  const userSyncStmt = sqlite.prepare(
    `SELECT id, station_id AS stationId, created_at AS createdAt, version, updated_at AS updatedAt, active, login_id AS loginId,
            name, phone, role_id AS roleId FROM users WHERE id = ?`,
  );
  const countAdminsStmt = sqlite.prepare(
    `SELECT count(*) AS n FROM users WHERE active = 1 AND role_id IN (${ADMIN_ROLE_IDS})
       AND id IS NOT @excludeUser AND role_id IS NOT @excludeRole`,
  );

  const withPermissions = (raw: Raw | undefined): Record<string, unknown> | null =>
    raw ? { ...raw, active: raw.active === 1, builtIn: raw.builtIn === 1, permissions: rolePermissions(raw.id as string) } : null;

  return {
    roleList,
    roleById: (id) => {
      const raw = roleByIdStmt.get(id) as Raw | undefined;
      return raw ? toRole(raw) : null;
    },
    builtInRoles: () => (builtInRolesStmt.all() as Raw[]).map(toRole),
    roleCodeTaken: (code) => roleCodeTakenStmt.get(code) !== undefined,
    roleChoices: () => roleChoicesStmt.all() as Array<{ id: string; code: string; name: string }>,
    insertRole(role) {
      insertRoleStmt.run({ id: role.id, stationId: role.stationId, createdAt: role.createdAt, code: role.code, name: role.name });
      for (const permission of role.permissions) insertPermission.run(role.id, permission);
    },
    updateRole(id, expectedVersion, values, now) {
      if (updateRoleStmt.run(values.name, now, id, expectedVersion).changes !== 1) return false;
      clearPermissions.run(id);
      for (const permission of values.permissions) insertPermission.run(id, permission);
      return true;
    },
    deleteRole(id) {
      clearPermissions.run(id);
      deleteRoleStmt.run(id);
    },
    userIdsWithRole: (roleId) => (usersOfRoleStmt.all(roleId) as Array<{ id: string }>).map((row) => row.id),
    roleSyncRow: (id) => withPermissions(roleSyncStmt.get(id) as Raw | undefined),

    userList,
    userById: (id) => {
      const raw = userByIdStmt.get(id) as Raw | undefined;
      return raw ? toUser(raw) : null;
    },
    userByLoginId: (loginId) => {
      const raw = userByLoginStmt.get(loginId) as Raw | undefined;
      return raw ? toUser(raw) : null;
    },
    loginIdTaken: (loginId) => loginTakenStmt.get(loginId) !== undefined,
    insertUser(user) {
      insertUserStmt.run({ ...user, active: user.active ? 1 : 0 });
    },
    updateUser(id, expectedVersion, values, now) {
      return updateUserStmt.run({ ...values, active: values.active ? 1 : 0, id, expectedVersion, now }).changes === 1;
    },
    setTemporaryPassword(id, expectedVersion, hashes, expiresAt, now) {
      return setTemporaryStmt.run({ id, expectedVersion, login: hashes.login, vend: hashes.vend, expiresAt, now }).changes === 1;
    },
    setOwnPasswords(id, hashes, now) {
      setOwnStmt.run({ id, login: hashes.login ?? null, vend: hashes.vend ?? null, now });
    },
    passwordHashes: (id) => (hashesStmt.get(id) as { login: string; vend: string } | undefined) ?? null,
    deleteUser(id) {
      deleteUserStmt.run(id);
    },
    userHasHistory: (loginId) => (historyStmt.get({ loginId }) as { has: number }).has === 1,
    userSyncRow: (id) => {
      const raw = userSyncStmt.get(id) as Raw | undefined;
      return raw ? { ...raw, active: raw.active === 1 } : null;
    },
    countActiveAdmins(exclude = {}) {
      const row = countAdminsStmt.get({ excludeUser: exclude.userId ?? null, excludeRole: exclude.roleId ?? null }) as { n: number };
      return row.n;
    },
  };
}
