import type Database from 'better-sqlite3';
import { passwordPolicyProblem } from '../../../shared/auth/password-policy';
import { AppFailure } from '../../../shared/errors/result';
import type { ChangeLoginPasswordInput, ChangeVendPasswordInput } from '../../../shared/ipc/access-schemas';
import type { Clock } from '../../../shared/ports/clock';
import { writeTransaction } from '../../db/open-database';
import type { AccessRepo } from '../../db/repos/access-repo';
import type { UsersRepo, UserWithRole } from '../../db/repos/users-repo';
import type { AuditLog } from '../audit-log';
import { lockedLoginMessage } from '../auth-service';
import type { AuthThrottle } from '../auth-throttle';
import { hashPassword, verifyPassword, type HashCost } from '../password-hash';
import type { Session, SessionStore } from '../session-store';
import type { SettingsService } from '../settings-service';
import type { VendPasswordCheck } from './vend-password-check';

/**
 * Password Center: Login Password Change and Vend Password Change, for the signed-in user's own passwords. The
 * current password is always required; a wrong one counts like a failed sign-in (login) or a failed vend password
 * (vend), persisted, and reaching the login lock ends the session. New passwords follow the policy of F2 (letters,
 * numbers and a symbol, at least 8; "123456" and common ones refused; not the user id), must differ from the current
 * one (so the temporary password of a reset is refused too) and from the other kind of password.
 *
 * After a reset (or for a new user) both passwords are the temporary one: the forced change sets both at once, so no
 * password anyone else saw stays usable, and only then does any other channel answer.
 */
export interface PasswordService {
  changeLogin(session: Session, input: ChangeLoginPasswordInput): Promise<string>;
  changeVend(session: Session, input: ChangeVendPasswordInput): Promise<string>;
}

export function createPasswordService(deps: {
  sqlite: Database.Database;
  users: UsersRepo;
  repo: AccessRepo;
  throttle: AuthThrottle;
  audit: AuditLog;
  sessions: SessionStore;
  settings: SettingsService;
  vendPassword: VendPasswordCheck;
  clock: Clock;
  hashCost: HashCost;
}): PasswordService {
  const signedInUser = (session: Session): UserWithRole => {
    const found = deps.users.findById(session.userId);
    if (!found || !found.user.active) {
      deps.sessions.remove(session.token);
      throw new AppFailure('NOT_SIGNED_IN', 'This user can no longer sign in. Ask an administrator.');
    }
    return found;
  };

  const policy = (label: string, password: string, loginId: string) => {
    const problem = passwordPolicyProblem(password, { userId: loginId });
    if (problem) throw new AppFailure('PASSWORD_POLICY', `${label}: ${problem}`);
  };

  const sameAs = async (password: string, hash: string) => (await verifyPassword(password, hash)).matches;

  return {
    async changeLogin(session, input) {
      const loginId = session.loginId;
      const threshold = deps.settings.section('security').loginLockThreshold;
      const found = signedInUser(session);
      if (deps.throttle.state(loginId, 'login').locked) {
        deps.sessions.remove(session.token);
        throw new AppFailure('LOGIN_LOCKED', lockedLoginMessage(threshold));
      }
      if (!(await sameAs(input.currentPassword, found.user.passwordHash))) {
        const state = writeTransaction(deps.sqlite, () => {
          deps.audit.append({ actor: loginId, action: 'password.changeLogin', target: loginId, result: 'denied', details: { reason: 'wrong current password' } });
          return deps.throttle.recordFailure(loginId, 'login', threshold);
        });
        if (state.locked) {
          deps.sessions.remove(session.token);
          throw new AppFailure('LOGIN_LOCKED', lockedLoginMessage(threshold));
        }
        const left = threshold - state.count;
        throw new AppFailure('LOGIN_FAILED', `Current password: it is wrong. ${left} ${left === 1 ? 'attempt' : 'attempts'} left before the login locks.`);
      }
      const forced = found.user.mustChangePassword;
      policy('New password', input.newPassword, loginId);
      if (input.newPassword === input.currentPassword) {
        throw new AppFailure('PASSWORD_POLICY', forced ? 'New password: it must not be the temporary password.' : 'New password: it must differ from the current password.');
      }
      let newVend: string | null = null;
      if (forced) {
        if (input.newVendPassword === undefined) {
          throw new AppFailure('PASSWORD_POLICY', 'New vend password: choose one too. The reset made your vend password temporary as well.');
        }
        policy('New vend password', input.newVendPassword, loginId);
        if (input.newVendPassword === input.currentPassword) throw new AppFailure('PASSWORD_POLICY', 'New vend password: it must not be the temporary password.');
        if (input.newVendPassword === input.newPassword) throw new AppFailure('PASSWORD_POLICY', 'New vend password: it must differ from the new login password.');
        newVend = input.newVendPassword;
      } else {
        if (input.newVendPassword !== undefined) {
          throw new AppFailure('VALIDATION', 'New vend password: change it in Password Center - Vend Password Change.');
        }
        if (await sameAs(input.newPassword, found.user.vendPasswordHash)) {
          throw new AppFailure('PASSWORD_POLICY', 'New password: it must differ from your vend password.');
        }
      }
      const [loginHash, vendHash] = await Promise.all([
        hashPassword(input.newPassword, deps.hashCost),
        newVend === null ? Promise.resolve(undefined) : hashPassword(newVend, deps.hashCost),
      ]);
      writeTransaction(deps.sqlite, () => {
        deps.repo.setOwnPasswords(found.user.id, { login: loginHash, ...(vendHash ? { vend: vendHash } : {}) }, deps.clock.now().toISOString());
        deps.throttle.reset(loginId, 'login');
        if (forced) deps.throttle.reset(loginId, 'vend');
        deps.audit.append({ actor: loginId, action: 'password.changeLogin', target: loginId, details: { forced, vendPasswordToo: forced } });
      });
      session.mustChangePassword = false;
      return forced ? 'Your login password and vend password are set. Keep them to yourself.' : 'Your login password is changed.';
    },
    async changeVend(session, input) {
      const loginId = session.loginId;
      const found = signedInUser(session);
      await deps.vendPassword.verify(session, input.currentVendPassword, 'password.changeVend');
      policy('New vend password', input.newVendPassword, loginId);
      if (input.newVendPassword === input.currentVendPassword) throw new AppFailure('PASSWORD_POLICY', 'New vend password: it must differ from the current vend password.');
      if (await sameAs(input.newVendPassword, found.user.passwordHash)) {
        throw new AppFailure('PASSWORD_POLICY', 'New vend password: it must differ from your login password.');
      }
      const vendHash = await hashPassword(input.newVendPassword, deps.hashCost);
      writeTransaction(deps.sqlite, () => {
        deps.repo.setOwnPasswords(found.user.id, { vend: vendHash }, deps.clock.now().toISOString());
        deps.throttle.reset(loginId, 'vend');
        deps.audit.append({ actor: loginId, action: 'password.changeVend', target: loginId });
      });
      return 'Your vend password is changed.';
    },
  };
}
