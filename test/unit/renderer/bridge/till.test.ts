import { afterEach, describe, expect, it } from 'vitest';
import type { TokenTillBridge } from '../../../../shared/ipc/bridge';
import { setBridge } from '../../../../renderer/bridge/bridge';
import { invoke, onSessionSignal, type SessionSignal } from '../../../../renderer/bridge/till';

function bridgeAnswering(reply: unknown): TokenTillBridge {
  return {
    invoke: (() => Promise.resolve(reply)) as TokenTillBridge['invoke'],
    on: () => () => undefined,
  };
}

afterEach(() => setBridge(null));

describe('invoke', () => {
  it('tells the shell when any reply says the session is locked or gone, and still returns the reply', async () => {
    const heard: SessionSignal[] = [];
    const stop = onSessionSignal((signal) => heard.push(signal));
    setBridge(bridgeAnswering({ ok: false, error: { code: 'SESSION_LOCKED', message: 'locked' } }));
    expect(await invoke('home.summary', {})).toEqual({ ok: false, error: { code: 'SESSION_LOCKED', message: 'locked' } });
    setBridge(bridgeAnswering({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'sign in' } }));
    await invoke('settings.get', {});
    setBridge(bridgeAnswering({ ok: false, error: { code: 'PERMISSION_DENIED', message: 'no' } }));
    await invoke('settings.get', {});
    setBridge(bridgeAnswering({ ok: true, value: null }));
    await invoke('session.current', {});
    expect(heard).toEqual(['locked', 'signed-out']);
    stop();
    setBridge(bridgeAnswering({ ok: false, error: { code: 'SESSION_LOCKED', message: 'locked' } }));
    await invoke('home.summary', {});
    expect(heard).toHaveLength(2);
  });
});
