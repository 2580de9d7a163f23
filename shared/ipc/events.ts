import { z } from 'zod';

/** Push events from the main side, typed like channels. One `publish(name, payload)` feeds both transports. */
export const events = {
  'sync.status': z.object({
    state: z.enum(['idle', 'syncing', 'offline', 'error', 'not-configured']),
    pending: z.number().int().nonnegative(),
    message: z.string(),
  }),
  'printer.status': z.object({
    state: z.enum(['online', 'offline', 'cover-open', 'paper-near-end', 'paper-out', 'not-configured', 'unknown']),
    message: z.string(),
  }),
  'token.updated': z.object({ saleId: z.string(), printState: z.string() }),
  'keystore.status': z.object({ state: z.enum(['unlocked', 'locked', 'uninitialised']), message: z.string() }),
  'progress': z.object({ taskId: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
