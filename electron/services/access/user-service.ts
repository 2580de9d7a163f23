import type Database from 'better-sqlite3';
import { isAdminPermissionSet } from '../../../shared/auth/access-rules';
import { AppFailure } from '../../../shared/errors/result';
import type {
  CreateUserInput, RemoveByIdInput, RemoveOutcome, ResetPasswordInput, RoleChoice, TemporaryPasswordResult, UpdateUserInput,
  UserRow, UserSortColumn,
} from '../../../shared/ipc/access-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { AccessRepo, UserRecord } from '../../db/repos/access-repo';
import type { AuthThrottle, PasswordKind } from '../auth-throttle';
import { hashPassword, type HashCost } from '../password-hash';
import type { SessionStore } from '../session-store';
import type { SettingsService } from '../settings-service';
import type { AccessChangeRecorder } from './access-changes';
import { temporaryPasswordFor } from './temporary-password';

/**
 * User Management (S1): "New - ID, name, phone - choose the role - Save", Edit, Remove and Reset Password.
 *
 * No administrator ever knows a user's password: a new user and a reset get a one-time temporary password (random,
 * or the vendor's 123456 when the security setting says so), shown once, valid for `temporaryPasswordHours`, and
 * both the login and the vend password become it. The user's first sign-in must choose a new login password and a
 * new vend password (`password.changeLogin`) before any other channel answers. A reset also clears both locks.
 *
 * The last active administrator (see shared/auth/access-rules.ts) can be neither removed, deactivated nor given a
 * non-administrator role, and nobody removes or deactivates themselves. A user with history (sign-ins, audit rows)
 * is deactivated instead of deleted. Changing a user's role or active state, or resetting them, signs them out.
 */
export type UnlockKind = 'login' | 'vend' | 'both';

export interface UserService {
  list(request: ListRequest<UserSortColumn>): ListResponse<UserRow>;
  roleChoices(): RoleChoice[];
  create(input: CreateUserInput, actor: ActorRef): Promise<TemporaryPasswordResult>;
  update(input: UpdateUserInput, actor: ActorRef): UserRow;
  remove(input: RemoveByIdInput, actor: ActorRef): RemoveOutcome;
  resetPassword(input: ResetPasswordInput, actor: ActorRef): Promise<TemporaryPasswordResult>;
  /** Clears the login and/or vend lock; `via` says whether an administrator's screen or the local command line did it. */
  unlock(target: { id: string } | { loginId: string }, which: UnlockKind, actor: string, via: 'screen' | 'cli'): UserRow;
}

/** Who is acting: their user row id (for the "not yourself" rules) and their user id (for the audit). */
export interface ActorRef {
  userId: string;
  loginId: string;
}

export function toUserRow(record: UserRecord): UserRow {
  return {
    id: record.id,
    loginId: record.loginId,
    name: record.name,
    phone: record.phone,
    roleId: record.roleId,
    roleCode: record.roleCode,
    roleName: record.roleName,
    active: record.active,
    mustChangePassword: record.mustChangePassword,
    temporaryPasswordExpiresAt: record.temporaryPasswordExpiresAt,
    loginLocked: record.loginLocked,
    vendLocked: record.vendLocked,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

const KINDS: Readonly<Record<UnlockKind, readonly PasswordKind[]>> = { login: ['login'], vend: ['vend'], both: ['login', 'vend'] };

export function lastAdminMessage(user: UserRecord, doing: string): string {
  return `${user.name} (${user.loginId}) is the last active administrator and cannot be ${doing}. Make another user an administrator first.`;
}

export function createUserService(deps: {
  sqlite: Database.Database;
  repo: AccessRepo;
  throttle: AuthThrottle;
  changes: AccessChangeRecorder;
  sessions: SessionStore;
  settings: SettingsService;
  clock: Clock;
  ids: IdGenerator;
  hashCost: HashCost;
  stationId: () => string;
}): UserService {
  const { repo } = deps;

  const current = (id: string, version: number | null): UserRecord => {
    const user = repo.userById(id);
    if (!user) throw new AppFailure('NOT_FOUND', 'This user no longer exists. Reload the list.');
    if (version !== null && user.version !== version) {
      throw new AppFailure('CONFLICT', `The user "${user.loginId}" was changed by someone else meanwhile. Reload the list and make your change again.`);
    }
    return user;
  };

  const roleFor = (roleId: string) => {
    const role = repo.roleById(roleId);
    if (!role || !role.active) throw new AppFailure('NOT_FOUND', 'Role: the chosen role no longer exists. Reload the role list and choose again.');
    return role;
  };

  const isActiveAdmin = (user: UserRecord): boolean => {
    if (!user.active) return false;
    const role = repo.roleById(user.roleId);
    return role !== null && isAdminPermissionSet(role.permissions);
  };

  const syncRow = (id: string) => {
    const value = repo.userSyncRow(id);
    return { table: 'users' as const, id, version: (value?.version as number | undefined) ?? 1, value };
  };

  const temporaryPassword = async () => {
    const security = deps.settings.section('security');
    const password = temporaryPasswordFor(security.resetPasswordMode);
    const [login, vend] = await Promise.all([hashPassword(password, deps.hashCost), hashPassword(password, deps.hashCost)]);
    const expiresAt = new Date(deps.clock.now().getTime() + security.temporaryPasswordHours * 3_600_000).toISOString();
    return { password, hashes: { login, vend }, expiresAt, mode: security.resetPasswordMode };
  };

  const reload = (id: string): UserRow => {
    const user = repo.userById(id);
    if (!user) throw new Error('a user just written was not found');
    return toUserRow(user);
  };

  return {
    list(request) {
      const page = repo.userList(request);
      return { ...page, rows: page.rows.map(toUserRow) };
    },
    roleChoices: () => repo.roleChoices(),
    async create(input, actor) {
      const role = roleFor(input.roleId);
      const temporary = await temporaryPassword();
      const now = deps.clock.now().toISOString();
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        if (repo.loginIdTaken(input.loginId)) {
          throw new AppFailure('CONFLICT', `User id: "${input.loginId}" is already taken (user ids ignore letter case). Choose another id.`);
        }
        roleFor(role.id);
        repo.insertUser({
          id,
          stationId: deps.stationId(),
          createdAt: now,
          loginId: input.loginId,
          name: input.name,
          phone: input.phone,
          roleId: role.id,
          active: input.active,
          passwordHash: temporary.hashes.login,
          vendPasswordHash: temporary.hashes.vend,
          temporaryPasswordExpiresAt: temporary.expiresAt,
        });
        deps.changes.record({
          actor: actor.loginId,
          action: 'users.create',
          target: input.loginId,
          details: { loginId: input.loginId, name: input.name, phone: input.phone, role: role.code, active: input.active, temporaryPassword: temporary.mode, expiresAt: temporary.expiresAt },
          now,
          row: syncRow(id),
        });
      });
      return { user: reload(id), temporaryPassword: temporary.password, expiresAt: temporary.expiresAt, mode: temporary.mode };
    },
    update(input, actor) {
      const now = deps.clock.now().toISOString();
      let signOut = false;
      writeTransaction(deps.sqlite, () => {
        const user = current(input.id, input.version);
        const role = roleFor(input.roleId);
        if (user.id === actor.userId && !input.active) {
          throw new AppFailure('CONFLICT', 'Active: you cannot deactivate yourself. Another administrator can.');
        }
        if (isActiveAdmin(user) && (!input.active || !isAdminPermissionSet(role.permissions)) && repo.countActiveAdmins({ userId: user.id }) === 0) {
          throw new AppFailure('CONFLICT', lastAdminMessage(user, input.active ? `given the role "${role.code}"` : 'deactivated'));
        }
        if (!repo.updateUser(user.id, input.version, { name: input.name, phone: input.phone, roleId: role.id, active: input.active }, now)) {
          throw new AppFailure('CONFLICT', `The user "${user.loginId}" was changed by someone else meanwhile. Reload the list and make your change again.`);
        }
        const changed: Record<string, unknown> = {};
        if (user.name !== input.name) changed.name = { from: user.name, to: input.name };
        if (user.phone !== input.phone) changed.phone = { from: user.phone, to: input.phone };
        if (user.roleId !== role.id) changed.role = { from: user.roleCode, to: role.code };
        if (user.active !== input.active) changed.active = { from: user.active, to: input.active };
        signOut = user.roleId !== role.id || user.active !== input.active;
        deps.changes.record({ actor: actor.loginId, action: 'users.update', target: user.loginId, details: { loginId: user.loginId, ...changed }, now, row: syncRow(user.id) });
      });
      if (signOut) deps.sessions.removeForUser(input.id);
      return reload(input.id);
    },
    remove(input, actor) {
      const now = deps.clock.now().toISOString();
      const outcome = writeTransaction(deps.sqlite, (): RemoveOutcome => {
        const user = current(input.id, input.version);
        if (user.id === actor.userId) throw new AppFailure('CONFLICT', 'You cannot remove yourself. Another administrator can.');
        if (isActiveAdmin(user) && repo.countActiveAdmins({ userId: user.id }) === 0) throw new AppFailure('CONFLICT', lastAdminMessage(user, 'removed'));
        if (repo.userHasHistory(user.loginId)) {
          if (user.active && !repo.updateUser(user.id, input.version, { name: user.name, phone: user.phone, roleId: user.roleId, active: false }, now)) {
            throw new AppFailure('CONFLICT', `The user "${user.loginId}" was changed by someone else meanwhile. Reload the list and make your change again.`);
          }
          deps.changes.record({ actor: actor.loginId, action: 'users.deactivate', target: user.loginId, details: { loginId: user.loginId, reason: 'the user has history' }, now, row: user.active ? syncRow(user.id) : null });
          return {
            outcome: 'deactivated',
            message: `${user.name} (${user.loginId}) has signed in or acted before, so the user is kept for the records and deactivated: they can no longer sign in.`,
          };
        }
        repo.deleteUser(user.id);
        for (const kind of KINDS.both) deps.throttle.reset(user.loginId, kind);
        deps.changes.record({
          actor: actor.loginId,
          action: 'users.remove',
          target: user.loginId,
          details: { loginId: user.loginId, name: user.name, role: user.roleCode },
          now,
          row: { table: 'users', id: user.id, version: user.version + 1, value: null },
        });
        return { outcome: 'deleted', message: `${user.name} (${user.loginId}) was removed.` };
      });
      deps.sessions.removeForUser(input.id);
      return outcome;
    },
    async resetPassword(input, actor) {
      const user = current(input.id, input.version);
      if (!user.active) throw new AppFailure('CONFLICT', `${user.name} (${user.loginId}) is inactive. Make the user active (Edit - Active) before resetting the password.`);
      const temporary = await temporaryPassword();
      const now = deps.clock.now().toISOString();
      writeTransaction(deps.sqlite, () => {
        const again = current(input.id, input.version);
        if (!repo.setTemporaryPassword(again.id, input.version, temporary.hashes, temporary.expiresAt, now)) {
          throw new AppFailure('CONFLICT', `The user "${user.loginId}" was changed by someone else meanwhile. Reload the list and make your change again.`);
        }
        for (const kind of KINDS.both) deps.throttle.reset(again.loginId, kind);
        deps.changes.record({
          actor: actor.loginId,
          action: 'users.resetPassword',
          target: again.loginId,
          details: { loginId: again.loginId, temporaryPassword: temporary.mode, expiresAt: temporary.expiresAt, unlocked: { login: again.loginLocked, vend: again.vendLocked } },
          now,
          row: syncRow(again.id),
        });
      });
      deps.sessions.removeForUser(user.id);
      return { user: reload(user.id), temporaryPassword: temporary.password, expiresAt: temporary.expiresAt, mode: temporary.mode };
    },
    unlock(target, which, actor, via) {
      const now = deps.clock.now().toISOString();
      const user = 'id' in target ? repo.userById(target.id) : repo.userByLoginId(target.loginId);
      if (!user) {
        throw new AppFailure('NOT_FOUND', 'id' in target ? 'This user no longer exists. Reload the list.' : `There is no user "${target.loginId}" on this terminal.`);
      }
      writeTransaction(deps.sqlite, () => {
        for (const kind of KINDS[which]) deps.throttle.reset(user.loginId, kind);
        deps.changes.record({
          actor,
          action: 'users.unlock',
          target: user.loginId,
          details: { loginId: user.loginId, which, via, wasLocked: { login: user.loginLocked, vend: user.vendLocked } },
          now,
          row: null,
        });
      });
      return reload(user.id);
    },
  };
}
