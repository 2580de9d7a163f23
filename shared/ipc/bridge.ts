import type { Result } from '../errors/result';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { EventName, EventPayload } from './events';

/**
 * What the renderer sees as `window.tokentill`: the Electron preload implements it over IPC, the browser-mode
 * client over HTTP. The renderer cannot tell which one it has.
 */
export interface TokenTillBridge {
  invoke<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
