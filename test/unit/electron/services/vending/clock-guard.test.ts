import { describe, expect, it } from 'vitest';
import type { SettingsRepo } from '../../../../../electron/db/repos/settings-repo';
import { CLOCK_STATE_KEY, createClockGuard } from '../../../../../electron/services/vending/clock-guard';
import { AppFailure } from '../../../../../shared/errors/result';

function memoryRepo(): SettingsRepo & { state: Map<string, unknown> } {
  const state = new Map<string, unknown>();
  return {
    state,
    readSection: () => null,
    writeSection: () => 1,
    readState: (key) => state.get(key),
    writeState: (key, value) => void state.set(key, value),
  };
}

function failureOf(run: () => void): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('clock guard', () => {
  it('lets a first start and a clock that moves forward vend, and records the latest time only', () => {
    const repo = memoryRepo();
    const guard = createClockGuard(repo);
    expect(() => guard.check(new Date('2026-05-01T08:00:00Z'), 5)).not.toThrow();
    guard.record(new Date('2026-05-01T08:00:00Z'));
    guard.record(new Date('2026-05-01T07:00:00Z'));
    expect(guard.lastRecorded()?.toISOString()).toBe('2026-05-01T08:00:00.000Z');
    expect(repo.state.get(CLOCK_STATE_KEY)).toEqual({ at: '2026-05-01T08:00:00.000Z' });
  });

  it('tolerates a clock a little behind, up to the tolerance', () => {
    const guard = createClockGuard(memoryRepo());
    guard.record(new Date('2026-05-01T08:00:00Z'));
    expect(() => guard.check(new Date('2026-05-01T07:55:00Z'), 5)).not.toThrow();
    expect(() => guard.check(new Date('2026-05-01T07:54:59Z'), 5)).toThrow(AppFailure);
  });

  it('stops vending when the clock is set back a day, with a sentence telling the operator to fix it', () => {
    const guard = createClockGuard(memoryRepo());
    guard.record(new Date('2026-05-02T08:00:00Z'));
    const failure = failureOf(() => guard.check(new Date('2026-05-01T08:00:00Z'), 5));
    expect(failure.code).toBe('CLOCK_BEHIND');
    expect(failure.message).toMatch(/^The computer's clock is behind the last recorded time .*Fix the date and time, then try again\.$/);
  });
});
