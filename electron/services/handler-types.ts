import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ChannelSpec } from '../../shared/ipc/channel-spec';
import type { Result } from '../../shared/errors/result';
import type { Session } from './session-store';

/** What a transport knows about the caller: the session token it holds, and a way to set or clear it. */
export interface CallerContext {
  readonly transport: 'ipc' | 'http' | 'cli' | 'test';
  readonly sessionToken: string | null;
  setSessionToken(token: string | null): void;
}

export interface HandlerContext {
  readonly session: Session | null;
  readonly caller: CallerContext;
}

export type Handler<C extends Channel> = (
  input: ParsedRequestOf<C>,
  ctx: HandlerContext,
) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>;

/** Every channel of the contract has exactly one handler: a missing or misspelled channel is a compile error. */
export type HandlerTable = { readonly [C in Channel]: Handler<C> };

/** A session is guaranteed by the dispatcher for every channel whose access is not 'public'. */
export function requireSession(ctx: HandlerContext): Session {
  if (!ctx.session) throw new Error('handler reached without a session: the dispatcher must have refused this call');
  return ctx.session;
}

/** The handlers one feature contributes: one per channel it declares in shared/ipc/channels/<feature>.ts. */
export type FeatureHandlers<Channels extends Record<string, ChannelSpec>> = { readonly [C in keyof Channels & Channel]: Handler<C> };
