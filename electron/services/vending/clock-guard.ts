import { AppFailure } from '../../../shared/errors/result';
import type { SettingsRepo } from '../../db/repos/settings-repo';

/**
 * Clock safety (architecture.md section 7; reliability.md R5 b). The terminal persists the latest wall-clock time it
 * recorded (each sale records its time, in the sale's transaction). If the clock now reads earlier than that by more
 * than the tolerance (settings general.clockToleranceMinutes), vending stops: a clock set back mints tokens a meter
 * may reject as old, and sale times that go backwards. The check compares wall-clock times, not TIDs (TIDs stay
 * rising per meter whatever the clock says).
 */
export const CLOCK_STATE_KEY = 'clock.lastRecorded';

export interface ClockGuard {
  /** Throws CLOCK_BEHIND when `now` is earlier than the last recorded time by more than the tolerance. */
  check(now: Date, toleranceMinutes: number): void;
  /** Records `now` when it is later than the last recorded time. Inside the caller's write transaction. */
  record(now: Date): void;
  lastRecorded(): Date | null;
}

function minuteText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function clockBehindMessage(last: Date, now: Date): string {
  return (
    `The computer's clock is behind the last recorded time (it reads ${minuteText(now)}; this terminal already recorded ${minuteText(last)}). ` +
    'Fix the date and time, then try again.'
  );
}

export function createClockGuard(repo: SettingsRepo): ClockGuard {
  const lastRecorded = (): Date | null => {
    const stored = repo.readState(CLOCK_STATE_KEY) as { at?: unknown } | undefined;
    if (!stored || typeof stored.at !== 'string') return null;
    const at = new Date(stored.at);
    return Number.isNaN(at.getTime()) ? null : at;
  };
  return {
    lastRecorded,
    check(now, toleranceMinutes) {
      const last = lastRecorded();
      if (last !== null && now.getTime() < last.getTime() - toleranceMinutes * 60_000) {
        throw new AppFailure('CLOCK_BEHIND', clockBehindMessage(last, now));
      }
    },
    record(now) {
      const last = lastRecorded();
      if (last === null || now.getTime() > last.getTime()) repo.writeState(CLOCK_STATE_KEY, { at: now.toISOString() }, now.toISOString());
    },
  };
}
