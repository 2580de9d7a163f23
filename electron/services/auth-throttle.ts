import type Database from 'better-sqlite3';
import type { Clock } from '../../shared/ports/clock';

/**
 * Consecutive failed attempts per login id and password kind (login, vend), persisted in SQLite inside the same
 * transaction as the attempt's history and audit rows, so a restart or kill -9 never resets a lock (R14).
 * The login and vend counters are separate: vend failures never lock the login, and the reverse.
 */
export type PasswordKind = 'login' | 'vend';

export interface ThrottleState {
  count: number;
  locked: boolean;
}

export interface AuthThrottle {
  state(loginId: string, kind: PasswordKind): ThrottleState;
  /** Records one failure; returns the new state. Call inside a write transaction. */
  recordFailure(loginId: string, kind: PasswordKind, threshold: number): ThrottleState;
  /** Clears the counter after a success or an administrator's unlock. Call inside a write transaction. */
  reset(loginId: string, kind: PasswordKind): void;
}

export function createAuthThrottle(sqlite: Database.Database, deps: { clock: Clock }): AuthThrottle {
  const select = sqlite.prepare('SELECT count, locked_at AS lockedAt FROM auth_failures WHERE login_id = ? AND kind = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO auth_failures (login_id, kind, count, locked_at, last_failure_at) VALUES (@loginId, @kind, 1, @lockedAt, @now)
     ON CONFLICT(login_id, kind) DO UPDATE SET count = count + 1,
       locked_at = COALESCE(locked_at, CASE WHEN count + 1 >= @threshold THEN @now END), last_failure_at = @now`,
  );
  const remove = sqlite.prepare('DELETE FROM auth_failures WHERE login_id = ? AND kind = ?');
  const state = (loginId: string, kind: PasswordKind): ThrottleState => {
    const row = select.get(loginId, kind) as { count: number; lockedAt: string | null } | undefined;
    return { count: row?.count ?? 0, locked: Boolean(row?.lockedAt) };
  };
  return {
    state,
    recordFailure(loginId, kind, threshold) {
      const now = deps.clock.now().toISOString();
      upsert.run({ loginId, kind, now, threshold, lockedAt: threshold <= 1 ? now : null });
      return state(loginId, kind);
    },
    reset(loginId, kind) {
      remove.run(loginId, kind);
    },
  };
}
