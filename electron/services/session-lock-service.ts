import type Database from 'better-sqlite3';
import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import { AppFailure, err } from '../../shared/errors/result';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';
import { writeTransaction } from '../db/open-database';
import type { UsersRepo } from '../db/repos/users-repo';
import type { AuditLog } from './audit-log';
import { lockedLoginMessage } from './auth-service';
import type { AuthThrottle } from './auth-throttle';
import type { Dispatch } from './dispatcher';
import { verifyPassword } from './password-hash';
import type { Session, SessionStore } from './session-store';
import type { SettingsService } from './settings-service';
import type { Terminal } from './terminal';

/**
 * The idle lock of a signed-in session (F2). A session locks when its operator has made no call for
 * `general.idleTimeoutMinutes` (checked here, on the main side, at the next call) or when the screens ask for it
 * (their own idle clock ran out, or the operator stepped away). Screens in use without calling anything say so with
 * `session.touch` at most once a minute, so typing a long form never counts as idle. A locked session keeps its open
 * screens, but every signed-in channel except `session.lock` and `session.unlock` (and public ones) answers
 * SESSION_LOCKED until the operator types the login password again. Unlock attempts are login attempts: each leaves
 * a login-history row and an audit row, failures count towards the persisted login lock, and reaching it ends the
 * session.
 */
export type LockReason = 'idle' | 'operator';

export interface SessionLockService {
  /** Wraps the dispatcher: locks idle sessions and refuses locked ones before any other check runs. */
  guard(inner: Dispatch): Dispatch;
  lock(session: Session, reason: LockReason): void;
  unlock(session: Session, password: string): Promise<void>;
  isLocked(session: Session): boolean;
  idleTimeoutMinutes(): number;
}

export interface SessionLockDeps {
  sqlite: Database.Database;
  users: UsersRepo;
  throttle: AuthThrottle;
  audit: AuditLog;
  sessions: SessionStore;
  settings: SettingsService;
  terminal: Terminal;
  clock: Clock;
  ids: IdGenerator;
}

const OPEN_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>(['session.lock', 'session.unlock']);

export function sessionLockedMessage(name: string, loginId: string): string {
  return `This session is locked. ${name} (${loginId}): enter your login password to continue, or sign out.`;
}

export function createSessionLockService(deps: SessionLockDeps): SessionLockService {
  const locked = new WeakSet<Session>();

  const idleTimeoutMinutes = () => deps.settings.section('general').idleTimeoutMinutes;
  const idleTooLong = (session: Session): boolean =>
    deps.clock.now().getTime() - session.lastSeenAt.getTime() >= idleTimeoutMinutes() * 60_000;

  const recordAttempt = (loginId: string, result: 'success' | 'failure' | 'locked', reason: string) => {
    const now = deps.clock.now().toISOString();
    deps.users.insertLoginHistory({ id: deps.ids.newId(), stationId: deps.terminal.stationId(), createdAt: now, loginId, result, reason });
    deps.audit.append({ actor: loginId, action: `session.unlock.${result}`, target: loginId, result: result === 'success' ? 'ok' : 'denied', details: { reason } });
  };

  const endSession = (session: Session) => {
    locked.delete(session);
    deps.sessions.remove(session.token);
  };

  const lock = (session: Session, reason: LockReason) => {
    if (locked.has(session)) return;
    locked.add(session);
    writeTransaction(deps.sqlite, () => deps.audit.append({ actor: session.loginId, action: 'session.lock', target: session.loginId, details: { reason } }));
  };

  return {
    lock,
    isLocked: (session) => locked.has(session),
    idleTimeoutMinutes,
    guard(inner) {
      return async (channelName, input, caller) => {
        const session = deps.sessions.get(caller.sessionToken);
        if (session && isChannel(channelName)) {
          if (!locked.has(session) && idleTooLong(session)) lock(session, 'idle');
          if (locked.has(session) && contract[channelName].access !== 'public' && !OPEN_WHILE_LOCKED.has(channelName)) {
            return err('SESSION_LOCKED', sessionLockedMessage(session.name, session.loginId));
          }
        }
        return inner(channelName, input, caller);
      };
    },
    async unlock(session, password) {
      if (!locked.has(session)) return;
      const loginId = session.loginId;
      const threshold = deps.settings.section('security').loginLockThreshold;
      if (deps.throttle.state(loginId, 'login').locked) {
        writeTransaction(deps.sqlite, () => recordAttempt(loginId, 'locked', 'login is locked'));
        endSession(session);
        throw new AppFailure('LOGIN_LOCKED', lockedLoginMessage(threshold));
      }
      const found = deps.users.findById(session.userId);
      const matches = found !== null && found.user.active && (await verifyPassword(password, found.user.passwordHash)).matches;
      if (!matches) {
        const reason = found === null || !found.user.active ? 'user is no longer active' : 'wrong password (unlock)';
        const state = writeTransaction(deps.sqlite, () => {
          recordAttempt(loginId, 'failure', reason);
          return deps.throttle.recordFailure(loginId, 'login', threshold);
        });
        if (state.locked || found === null || !found.user.active) {
          endSession(session);
          throw new AppFailure('LOGIN_LOCKED', state.locked ? lockedLoginMessage(threshold) : 'This user can no longer sign in. Ask an administrator.');
        }
        const left = threshold - state.count;
        throw new AppFailure('LOGIN_FAILED', `The password is wrong. ${left} ${left === 1 ? 'attempt' : 'attempts'} left before the login locks.`);
      }
      writeTransaction(deps.sqlite, () => {
        deps.throttle.reset(loginId, 'login');
        recordAttempt(loginId, 'success', 'session unlocked');
      });
      locked.delete(session);
    },
  };
}
