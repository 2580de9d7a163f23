import { and, count, eq } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import { loginHistory, rolePermissions, roles, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;

export interface UserWithRole {
  user: UserRow;
  role: RoleRow;
  permissions: string[];
}

export interface UsersRepo {
  findByLoginId(loginId: string): UserWithRole | null;
  findById(id: string): UserWithRole | null;
  countUsers(): number;
  findRoleByCode(code: string): RoleRow | null;
  insertRole(row: typeof roles.$inferInsert, permissions: readonly string[]): void;
  insertUser(row: typeof users.$inferInsert): void;
  updatePasswordHash(id: string, kind: 'login' | 'vend', hash: string, now: string): void;
  insertLoginHistory(row: typeof loginHistory.$inferInsert): void;
}

export function createUsersRepo(db: AppDatabase): UsersRepo {
  const withRole = (user: UserRow | undefined): UserWithRole | null => {
    if (!user) return null;
    const role = db.select().from(roles).where(eq(roles.id, user.roleId)).get();
    if (!role) return null;
    const permissions = db
      .select({ permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(eq(rolePermissions.roleId, role.id))
      .all()
      .map((row) => row.permission);
    return { user, role, permissions };
  };
  return {
    findByLoginId: (loginId) => withRole(db.select().from(users).where(eq(users.loginId, loginId)).get()),
    findById: (id) => withRole(db.select().from(users).where(and(eq(users.id, id))).get()),
    countUsers: () => db.select({ n: count() }).from(users).get()?.n ?? 0,
    findRoleByCode: (code) => db.select().from(roles).where(eq(roles.code, code)).get() ?? null,
    insertRole(row, permissions) {
      db.insert(roles).values(row).run();
      if (permissions.length > 0) {
        db.insert(rolePermissions)
          .values(permissions.map((permission) => ({ roleId: row.id, permission })))
          .run();
      }
    },
    insertUser(row) {
      db.insert(users).values(row).run();
    },
    updatePasswordHash(id, kind, hash, now) {
      const set = kind === 'login' ? { passwordHash: hash } : { vendPasswordHash: hash };
      db.update(users).set({ ...set, updatedAt: now }).where(eq(users.id, id)).run();
    },
    insertLoginHistory(row) {
      db.insert(loginHistory).values(row).run();
    },
  };
}
