/**
 * When the operator was last active, and whether the idle timeout has run out since. Pure: time comes from the
 * `now` passed in, so it is tested without waiting. The shell touches it on every key press, click and pointer move.
 */
export interface IdleTracker {
  touch(): void;
  idleMs(): number;
  isIdle(): boolean;
  setTimeoutMinutes(minutes: number): void;
}

export function createIdleTracker(timeoutMinutes: number, now: () => number): IdleTracker {
  let lastActivity = now();
  let timeoutMs = timeoutMinutes * 60_000;
  return {
    touch() {
      lastActivity = now();
    },
    idleMs: () => Math.max(0, now() - lastActivity),
    isIdle: () => now() - lastActivity >= timeoutMs,
    setTimeoutMinutes(minutes) {
      timeoutMs = minutes * 60_000;
    },
  };
}
