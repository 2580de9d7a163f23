import type Database from 'better-sqlite3';
import { describePermissions, isAdminPermissionSet, normalisePermissions, ADMIN_PERMISSIONS, PERMISSION_GROUPS } from '../../../shared/auth/access-rules';
import { BUILT_IN_ROLES } from '../../../shared/auth/permissions';
import { AppFailure } from '../../../shared/errors/result';
import type { CreateRoleInput, PermissionCatalogue, RemoveByIdInput, RemoveOutcome, RoleRow, RoleSortColumn, UpdateRoleInput } from '../../../shared/ipc/access-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { AccessRepo, RoleRecord } from '../../db/repos/access-repo';
import type { SessionStore } from '../session-store';
import type { AccessChangeRecorder } from './access-changes';

/**
 * Role Management (S1): "New - set the ID - choose the permissions - Save". A role's id (its code) is free text and
 * is its identity, so it is not edited; its name may be any language. The built-in roles (Admin, Supervisor,
 * OnlyVending) are fixed: they cannot be edited or removed, so every terminal means the same by them. A role that
 * users hold cannot be removed, and the role of the last active administrators cannot lose users.manage or
 * roles.manage. Users of a changed role are signed out, so their next sign-in carries the new permissions.
 */
export interface RoleService {
  catalogue(): PermissionCatalogue;
  list(request: ListRequest<RoleSortColumn>): ListResponse<RoleRow>;
  create(input: CreateRoleInput, actor: string): RoleRow;
  update(input: UpdateRoleInput, actor: string): RoleRow;
  remove(input: RemoveByIdInput, actor: string): RemoveOutcome;
  /**
   * At every start: gives each built-in role exactly the permissions this version defines for it. A newer version
   * that adds a permission (a new screen) must not leave an existing installation's Admin without it, nor a
   * Supervisor or OnlyVending holding one it no longer should. Audited as `roles.reconcile` with what was added and
   * removed, synced like any role change, and its users signed out; a role already right writes nothing.
   */
  reconcileBuiltIns(): Array<{ code: string; added: string[]; removed: string[] }>;
}

export function toRoleRow(record: RoleRecord): RoleRow {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    builtIn: record.builtIn,
    permissions: normalisePermissions(record.permissions),
    admin: isAdminPermissionSet(record.permissions),
    userCount: record.userCount,
    activeUserCount: record.activeUserCount,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

export function createRoleService(deps: {
  sqlite: Database.Database;
  repo: AccessRepo;
  changes: AccessChangeRecorder;
  sessions: SessionStore;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}): RoleService {
  const { repo } = deps;

  const current = (id: string, version: number): RoleRecord => {
    const role = repo.roleById(id);
    if (!role) throw new AppFailure('NOT_FOUND', 'This role no longer exists. Reload the list.');
    if (role.version !== version) {
      throw new AppFailure('CONFLICT', `The role "${role.code}" was changed by someone else meanwhile. Reload the list and make your change again.`);
    }
    return role;
  };

  const refuseBuiltIn = (role: RoleRecord, doing: string) => {
    if (role.builtIn) {
      throw new AppFailure('CONFLICT', `The built-in role "${role.code}" cannot be ${doing}. Make a new role with the permissions you need instead.`);
    }
  };

  const syncRow = (id: string) => {
    const value = repo.roleSyncRow(id);
    return { table: 'roles' as const, id, version: (value?.version as number | undefined) ?? 1, value };
  };

  return {
    reconcileBuiltIns() {
      const now = deps.clock.now().toISOString();
      const changed: Array<{ code: string; added: string[]; removed: string[]; userIds: string[] }> = [];
      writeTransaction(deps.sqlite, () => {
        for (const role of repo.builtInRoles()) {
          const wanted = BUILT_IN_ROLES.find((r) => r.id === role.code);
          if (!wanted) continue; // a built-in role this version does not know (written by a newer one): left alone
          const permissions = normalisePermissions(wanted.permissions);
          const before = new Set(role.permissions);
          const after = new Set<string>(permissions);
          const added = permissions.filter((p) => !before.has(p));
          const removed = [...before].filter((p) => !after.has(p)).sort();
          if (added.length === 0 && removed.length === 0) continue;
          if (!repo.updateRole(role.id, role.version, { name: role.name, permissions }, now)) throw new Error(`the built-in role ${role.code} moved during start-up`);
          deps.changes.record({ actor: 'system', action: 'roles.reconcile', target: role.code, details: { code: role.code, added, removed }, now, row: syncRow(role.id) });
          changed.push({ code: role.code, added, removed, userIds: repo.userIdsWithRole(role.id) });
        }
      });
      for (const role of changed) for (const userId of role.userIds) deps.sessions.removeForUser(userId);
      return changed.map(({ code, added, removed }) => ({ code, added, removed }));
    },
    catalogue: () => ({ permissions: describePermissions(), groups: [...PERMISSION_GROUPS], adminPermissions: [...ADMIN_PERMISSIONS] }),
    list(request) {
      const page = repo.roleList(request);
      return { ...page, rows: page.rows.map(toRoleRow) };
    },
    create(input, actor) {
      const permissions = normalisePermissions(input.permissions);
      const now = deps.clock.now().toISOString();
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        if (repo.roleCodeTaken(input.code)) {
          throw new AppFailure('CONFLICT', `Role id: "${input.code}" is already taken (role ids ignore letter case). Choose another id.`);
        }
        repo.insertRole({ id, stationId: deps.stationId(), createdAt: now, code: input.code, name: input.name, permissions });
        deps.changes.record({
          actor,
          action: 'roles.create',
          target: input.code,
          details: { code: input.code, name: input.name, permissions },
          now,
          row: syncRow(id),
        });
      });
      const created = repo.roleById(id);
      if (!created) throw new Error('a role just created was not found');
      return toRoleRow(created);
    },
    update(input, actor) {
      const permissions = normalisePermissions(input.permissions);
      const now = deps.clock.now().toISOString();
      let userIds: string[] = [];
      writeTransaction(deps.sqlite, () => {
        const role = current(input.id, input.version);
        refuseBuiltIn(role, 'changed');
        const wasAdmin = isAdminPermissionSet(role.permissions);
        if (wasAdmin && !isAdminPermissionSet(permissions) && role.activeUserCount > 0 && repo.countActiveAdmins({ roleId: role.id }) === 0) {
          throw new AppFailure(
            'CONFLICT',
            `Permissions: the users of "${role.code}" are the last active administrators, so the role must keep ${ADMIN_PERMISSIONS.join(' and ')}. ` +
              'Make another user an administrator first.',
          );
        }
        if (!repo.updateRole(role.id, input.version, { name: input.name, permissions }, now)) {
          throw new AppFailure('CONFLICT', `The role "${role.code}" was changed by someone else meanwhile. Reload the list and make your change again.`);
        }
        const before = new Set(role.permissions);
        const after = new Set<string>(permissions);
        deps.changes.record({
          actor,
          action: 'roles.update',
          target: role.code,
          details: {
            code: role.code,
            ...(role.name !== input.name ? { name: { from: role.name, to: input.name } } : {}),
            added: permissions.filter((p) => !before.has(p)),
            removed: normalisePermissions(role.permissions).filter((p) => !after.has(p)),
          },
          now,
          row: syncRow(role.id),
        });
        userIds = repo.userIdsWithRole(role.id);
      });
      for (const userId of userIds) deps.sessions.removeForUser(userId);
      const updated = repo.roleById(input.id);
      if (!updated) throw new Error('a role just updated was not found');
      return toRoleRow(updated);
    },
    remove(input, actor) {
      const now = deps.clock.now().toISOString();
      return writeTransaction(deps.sqlite, () => {
        const role = current(input.id, input.version);
        refuseBuiltIn(role, 'removed');
        if (role.userCount > 0) {
          const who = role.userCount === 1 ? '1 user has' : `${role.userCount} users have`;
          throw new AppFailure('CONFLICT', `${who} the role "${role.code}" (active or not). Give them another role in User Management first.`);
        }
        repo.deleteRole(role.id);
        deps.changes.record({
          actor,
          action: 'roles.remove',
          target: role.code,
          details: { code: role.code, name: role.name, permissions: normalisePermissions(role.permissions) },
          now,
          row: { table: 'roles', id: role.id, version: role.version + 1, value: null },
        });
        return { outcome: 'deleted' as const, message: `The role "${role.code}" was removed.` };
      });
    },
  };
}
