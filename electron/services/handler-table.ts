import type { HandlerTable } from './handler-types';
import { foundationHandlers, type Services } from './handlers/foundation-handlers';

export type { Services } from './handlers/foundation-handlers';

/**
 * The one handler table: each feature's handlers (./handlers/<feature>-handlers.ts) joined into a table the
 * compiler checks against the contract, so a channel without a handler does not build.
 */
export function createHandlerTable(services: Services): HandlerTable {
  return {
    ...foundationHandlers(services),
  };
}
