import { events, type EventName, type EventPayload } from '../../shared/ipc/events';

/**
 * The one way the main side pushes to screens: `publish(name, payload)` validates the payload against its event
 * schema and hands it to every transport's subscriber (Electron webContents, browser-mode SSE streams).
 */
export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface EventBus {
  publish<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(name, payload) {
      const parsed = events[name].parse(payload) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, parsed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
