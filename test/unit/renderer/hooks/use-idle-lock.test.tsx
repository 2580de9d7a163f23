import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { setClock } from '../../../../renderer/app/clock';
import { useIdleLock } from '../../../../renderer/hooks/use-idle-lock';
import { render, type Rendered } from '../render';

let now = 0;
let rendered: Rendered | null = null;
beforeEach(() => {
  now = 1_700_000_000_000;
  setClock({ now: () => now });
  vi.useFakeTimers();
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.useRealTimers();
  setClock(null);
});

function Probe(props: { minutes: number; paused: boolean; onIdle: () => void; onActivity?: () => void }) {
  useIdleLock({ timeoutMinutes: props.minutes, paused: props.paused, onIdle: props.onIdle, onActivity: props.onActivity });
  return null;
}

function advance(ms: number) {
  now += ms;
  act(() => {
    vi.advanceTimersByTime(1000);
  });
}

describe('useIdleLock with the injected clock', () => {
  it('calls onIdle once the operator has been idle for the timeout, and activity postpones it', () => {
    const onIdle = vi.fn();
    rendered = render(<Probe minutes={15} paused={false} onIdle={onIdle} />);
    advance(14 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    advance(14 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    advance(60_000);
    expect(onIdle).toHaveBeenCalled();
  });

  it('checks nothing while paused, and counts again from the moment it resumes', () => {
    const onIdle = vi.fn();
    rendered = render(<Probe minutes={1} paused onIdle={onIdle} />);
    advance(5 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    rendered.rerender(<Probe minutes={1} paused={false} onIdle={onIdle} />);
    advance(30_000);
    expect(onIdle).not.toHaveBeenCalled();
    advance(30_000);
    expect(onIdle).toHaveBeenCalled();
  });

  it('follows a new timeout without a restart', () => {
    const onIdle = vi.fn();
    rendered = render(<Probe minutes={15} paused={false} onIdle={onIdle} />);
    advance(3 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    rendered.rerender(<Probe minutes={2} paused={false} onIdle={onIdle} />);
    advance(0);
    expect(onIdle).toHaveBeenCalled();
  });

  it('reports activity to the main side at most once a minute, and not at all without activity', () => {
    const onActivity = vi.fn();
    rendered = render(<Probe minutes={15} paused={false} onIdle={() => undefined} onActivity={onActivity} />);
    const poke = () => window.dispatchEvent(new Event('pointerdown'));
    poke();
    expect(onActivity).not.toHaveBeenCalled();
    advance(59_000);
    poke();
    expect(onActivity).not.toHaveBeenCalled();
    advance(1_000);
    poke();
    poke();
    expect(onActivity).toHaveBeenCalledTimes(1);
    advance(5 * 60_000);
    expect(onActivity).toHaveBeenCalledTimes(1);
    poke();
    expect(onActivity).toHaveBeenCalledTimes(2);
  });
});
