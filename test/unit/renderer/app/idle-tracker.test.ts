import { describe, expect, it } from 'vitest';
import { createIdleTracker } from '../../../../renderer/app/idle-tracker';

describe('the idle tracker', () => {
  it('is idle once the timeout has passed since the last activity, and activity starts the count again', () => {
    let now = 1_000_000;
    const tracker = createIdleTracker(15, () => now);
    now += 15 * 60_000 - 1;
    expect(tracker.isIdle()).toBe(false);
    tracker.touch();
    now += 15 * 60_000 - 1;
    expect(tracker.isIdle()).toBe(false);
    now += 1;
    expect(tracker.isIdle()).toBe(true);
    expect(tracker.idleMs()).toBe(15 * 60_000);
  });

  it('follows a changed timeout at once', () => {
    let now = 0;
    const tracker = createIdleTracker(15, () => now);
    now = 3 * 60_000;
    expect(tracker.isIdle()).toBe(false);
    tracker.setTimeoutMinutes(2);
    expect(tracker.isIdle()).toBe(true);
  });

  it('never reports negative idle time when the clock steps back', () => {
    let now = 10_000;
    const tracker = createIdleTracker(1, () => now);
    now = 5_000;
    expect(tracker.idleMs()).toBe(0);
    expect(tracker.isIdle()).toBe(false);
  });
});
