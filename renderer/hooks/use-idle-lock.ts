import { useEffect, useRef } from 'react';
import { clock } from '../app/clock';
import { createIdleTracker } from '../app/idle-tracker';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1000;

/**
 * Calls `onIdle` once the operator has neither typed nor pointed for `timeoutMinutes`. Time is read through the
 * renderer clock, and the check runs on a page timer, so Playwright's page.clock can drive it. While `paused`
 * (the session is already locked) nothing is checked; resuming starts the count again from now.
 */
export function useIdleLock({ timeoutMinutes, paused, onIdle }: { timeoutMinutes: number; paused: boolean; onIdle: () => void }): void {
  const tracker = useRef(createIdleTracker(timeoutMinutes, () => clock.now()));
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    tracker.current.setTimeoutMinutes(timeoutMinutes);
  }, [timeoutMinutes]);

  useEffect(() => {
    if (paused) return undefined;
    const idle = tracker.current;
    idle.touch();
    const touch = () => idle.touch();
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
