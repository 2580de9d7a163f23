import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import { writeTransaction } from '../../db/open-database';
import type { UsersRepo } from '../../db/repos/users-repo';
import type { AuditLog } from '../audit-log';
import type { AuthThrottle } from '../auth-throttle';
import { verifyPassword } from '../password-hash';
import type { Session } from '../session-store';
import type { SettingsService } from '../settings-service';

/**
 * The vend (transaction) password check, for the vend (V1) and for Vend Password Change (reliability.md R14): a
 * locked vend password is refused before it is even compared; each wrong password is audited and counted in
 * auth_failures (kind 'vend') in one transaction, so kill -9 never resets the count; reaching
 * `security.vendLockThreshold` locks it until an administrator unlocks it (User Management or
 * `npm run cli -- user unlock ID`). The login counter is separate: vend failures never lock the login.
 */
export interface VendPasswordCheck {
  /** Resolves when the password is the operator's vend password (and clears the counter); throws VEND_LOCKED or VEND_PASSWORD_WRONG. */
  verify(session: Session, password: string, action?: string): Promise<void>;
  isLocked(loginId: string): boolean;
}

export function vendLockedMessage(threshold: number): string {
  return (
    `The vend password is locked after ${threshold} wrong attempts. ` +
    'An administrator can unlock it in Password Center - User Management (or with `npm run cli -- user unlock ID --vend` on this terminal).'
  );
}

export function createVendPasswordCheck(deps: {
  sqlite: Database.Database;
  users: UsersRepo;
  throttle: AuthThrottle;
  audit: AuditLog;
  settings: SettingsService;
}): VendPasswordCheck {
  return {
    isLocked: (loginId) => deps.throttle.state(loginId, 'vend').locked,
    async verify(session, password, action = 'vend.password') {
      const threshold = deps.settings.section('security').vendLockThreshold;
      const loginId = session.loginId;
      if (deps.throttle.state(loginId, 'vend').locked) {
        writeTransaction(deps.sqlite, () =>
          deps.audit.append({ actor: loginId, action, target: loginId, result: 'denied', details: { reason: 'vend password is locked' } }),
        );
        throw new AppFailure('VEND_LOCKED', vendLockedMessage(threshold));
      }
      const found = deps.users.findById(session.userId);
      const matches = found !== null && found.user.active && (await verifyPassword(password, found.user.vendPasswordHash)).matches;
      if (!matches) {
        const state = writeTransaction(deps.sqlite, () => {
          deps.audit.append({ actor: loginId, action, target: loginId, result: 'denied', details: { reason: 'wrong vend password' } });
          return deps.throttle.recordFailure(loginId, 'vend', threshold);
        });
        if (state.locked) throw new AppFailure('VEND_LOCKED', vendLockedMessage(threshold));
        const left = threshold - state.count;
        throw new AppFailure('VEND_PASSWORD_WRONG', `The vend password is wrong. ${left} ${left === 1 ? 'attempt' : 'attempts'} left before it locks.`);
      }
      if (deps.throttle.state(loginId, 'vend').count > 0) writeTransaction(deps.sqlite, () => deps.throttle.reset(loginId, 'vend'));
    },
  };
}
