import type Database from 'better-sqlite3';
import type { LoginInput, SessionInfo } from '../../shared/ipc/schemas';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';
import { AppFailure } from '../../shared/errors/result';
import { writeTransaction } from '../db/open-database';
import type { OrganisationRepo } from '../db/repos/organisation-repo';
import type { UsersRepo, UserWithRole } from '../db/repos/users-repo';
import type { AuditLog } from './audit-log';
import type { AuthThrottle } from './auth-throttle';
import { hashPassword, verifyPassword, type HashCost } from './password-hash';
import type { Session, SessionStore } from './session-store';
import type { SettingsService } from './settings-service';
import type { Terminal } from './terminal';

/**
 * Sign-in: every attempt leaves a login-history row and an audit row, and failures count towards a persisted lock,
 * all in the same transaction. The wording never tells which of user id and password was wrong.
 */
export interface AuthService {
  login(input: LoginInput): Promise<Session>;
  toSessionInfo(session: Session): SessionInfo;
  logout(session: Session | null): void;
}

export function lockedLoginMessage(threshold: number): string {
  return (
    `This login is locked after ${threshold} failed attempts. ` +
    'An administrator can unlock it in User Management (or with `npm run cli -- user unlock ID` on this terminal).'
  );
}

export function createAuthService(deps: {
  sqlite: Database.Database;
  users: UsersRepo;
  organisation: OrganisationRepo;
  throttle: AuthThrottle;
  audit: AuditLog;
  sessions: SessionStore;
  settings: SettingsService;
  terminal: Terminal;
  clock: Clock;
  ids: IdGenerator;
  hashCost: HashCost;
}): AuthService {
  const record = (loginId: string, result: 'success' | 'failure' | 'locked', reason: string) => {
    const now = deps.clock.now().toISOString();
    deps.users.insertLoginHistory({ id: deps.ids.newId(), stationId: deps.terminal.stationId(), createdAt: now, loginId, result, reason });
    deps.audit.append({ actor: loginId, action: `login.${result}`, target: loginId, result: result === 'success' ? 'ok' : 'denied', details: { reason } });
  };

  const openSession = (found: UserWithRole): Session => {
    const station = deps.organisation.stationById(deps.terminal.stationId());
    return deps.sessions.create(
      {
        userId: found.user.id,
        loginId: found.user.loginId,
        name: found.user.name,
        roleId: found.role.code,
        roleName: found.role.name,
        permissions: new Set(found.permissions),
        stationId: station?.id ?? deps.terminal.stationId(),
        stationCode: station?.code ?? '',
        stationName: station?.name ?? '',
        mustChangePassword: found.user.mustChangePassword,
      },
      deps.clock.now(),
    );
  };

  return {
    async login(input) {
      if (deps.terminal.identity() === null) throw new AppFailure('SETUP_REQUIRED', 'This terminal is not set up yet. Complete the first-run setup.');
      const threshold = deps.settings.section('security').loginLockThreshold;
      const loginId = input.username.trim();
      const found = deps.users.findByLoginId(loginId);
      if (deps.throttle.state(loginId, 'login').locked) {
        writeTransaction(deps.sqlite, () => record(loginId, 'locked', 'login is locked'));
        throw new AppFailure('LOGIN_LOCKED', lockedLoginMessage(threshold));
      }
      const verdict = found ? await verifyPassword(input.password, found.user.passwordHash) : { matches: false, needsRehash: false };
      const expired =
        found?.user.temporaryPasswordExpiresAt != null && new Date(found.user.temporaryPasswordExpiresAt) < deps.clock.now();
      if (!found || !found.user.active || !verdict.matches || expired) {
        const reason = !found ? 'unknown user id' : !found.user.active ? 'user is inactive' : expired ? 'temporary password expired' : 'wrong password';
        const state = writeTransaction(deps.sqlite, () => {
          record(loginId, 'failure', reason);
          return found ? deps.throttle.recordFailure(loginId, 'login', threshold) : null;
        });
        if (state?.locked) throw new AppFailure('LOGIN_LOCKED', lockedLoginMessage(threshold));
        if (expired) throw new AppFailure('LOGIN_FAILED', 'The temporary password has expired. Ask an administrator to reset your password again.');
        throw new AppFailure('LOGIN_FAILED', 'The user id or password is wrong. Check them and try again.');
      }
      const rehash = verdict.needsRehash && deps.hashCost === 'production' ? await hashPassword(input.password, 'production') : null;
      writeTransaction(deps.sqlite, () => {
        deps.throttle.reset(loginId, 'login');
        if (rehash) deps.users.updatePasswordHash(found.user.id, 'login', rehash, deps.clock.now().toISOString());
        record(loginId, 'success', rehash ? 'signed in (password hash upgraded)' : 'signed in');
      });
      return openSession(found);
    },
    toSessionInfo(session) {
      return {
        userId: session.loginId,
        name: session.name,
        roleId: session.roleId,
        roleName: session.roleName,
        permissions: [...session.permissions].sort(),
        stationCode: session.stationCode,
        stationName: session.stationName,
        mustChangePassword: session.mustChangePassword,
      };
    },
    logout(session) {
      if (!session) return;
      deps.sessions.remove(session.token);
      writeTransaction(deps.sqlite, () => deps.audit.append({ actor: session.loginId, action: 'logout', target: session.loginId }));
    },
  };
}
