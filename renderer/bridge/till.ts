import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/errors/result';
import { getBridge } from './bridge';

/**
 * Every screen calls the main side through `invoke` here (not the bridge directly), so the shell hears about the
 * session from any reply: SESSION_LOCKED anywhere shows the lock screen over the open tabs, NOT_SIGNED_IN returns
 * to the login screen. Screens still get the reply and render their own state.
 */
export type SessionSignal = 'locked' | 'signed-out';

const listeners = new Set<(signal: SessionSignal) => void>();

export function onSessionSignal(listener: (signal: SessionSignal) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export async function invoke<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const result = await getBridge().invoke(channel, input);
  if (!result.ok) {
    const signal: SessionSignal | null =
      result.error.code === 'SESSION_LOCKED' ? 'locked' : result.error.code === 'NOT_SIGNED_IN' ? 'signed-out' : null;
    if (signal) for (const listener of [...listeners]) listener(signal);
  }
  return result;
}
