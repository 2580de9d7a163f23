import type { TokenTillBridge } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/errors/result';
import { events, isEventName, type EventName, type EventPayload } from '../../shared/ipc/events';

/**
 * The browser-mode bridge: the same `TokenTillBridge` as Electron's preload, over HTTP to the host that served
 * this page. The session cookie is HttpOnly: scripts never see it, the browser sends it.
 */
export function createHttpBridge(baseUrl = ''): TokenTillBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureStream = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${baseUrl}/events`);
    for (const name of Object.keys(events)) {
      source.addEventListener(name, (message) => {
        if (!isEventName(name)) return;
        const parsed = events[name].safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (!parsed.success) return;
        for (const listener of listeners.get(name) ?? []) listener(parsed.data);
      });
    }
  };

  return {
    async invoke(channel, input) {
      try {
        const response = await fetch(`${baseUrl}/rpc/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'TokenTill is not answering. Check that it is still running, then try again.' } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      ensureStream();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: unknown) => void);
      };
    },
  };
}
