import { useEffect, useRef } from 'react';
import { clock } from '../app/clock';
import { createIdleTracker } from '../app/idle-tracker';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1000;
/** How often, at most, activity at the screens is reported to the main side (which locks a session idle there). */
export const REPORT_ACTIVITY_EVERY_MS = 60_000;

/**
 * Calls `onIdle` once the operator has neither typed nor pointed for `timeoutMinutes`. Time is read through the
 * renderer clock, and the check runs on a page timer, so Playwright's page.clock can drive it. While `paused`
 * (the session is already locked) nothing is checked; resuming starts the count again from now. Activity is also
 * passed to `onActivity` at most once a minute, for the main side's own idle clock.
 */
export function useIdleLock({
  timeoutMinutes,
  paused,
  onIdle,
  onActivity,
}: {
  timeoutMinutes: number;
  paused: boolean;
  onIdle: () => void;
  onActivity?: () => void;
}): void {
  const tracker = useRef(createIdleTracker(timeoutMinutes, () => clock.now()));
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const onActivityRef = useRef(onActivity);
  onActivityRef.current = onActivity;

  useEffect(() => {
    tracker.current.setTimeoutMinutes(timeoutMinutes);
  }, [timeoutMinutes]);

  useEffect(() => {
    if (paused) return undefined;
    const idle = tracker.current;
    idle.touch();
    let reportedAt = clock.now();
    const touch = () => {
      idle.touch();
      const now = clock.now();
      if (now - reportedAt >= REPORT_ACTIVITY_EVERY_MS) {
        reportedAt = now;
        onActivityRef.current?.();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (idle.isIdle()) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [paused]);
}
