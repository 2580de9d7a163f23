import { contract, isChannel, type Channel, type ChannelSpec } from '../../shared/ipc/contract';
import { accessAllows, describeAccess } from '../../shared/ipc/channel-spec';
import { AppFailure, err, type Result } from '../../shared/errors/result';
import { validationError } from '../../shared/errors/validation';
import type { CallerContext, HandlerTable } from './handler-types';
import type { Logger } from './logger';
import type { Session, SessionStore } from './session-store';

/**
 * The one pipeline every request takes, whichever transport brought it:
 * channel lookup -> zod parse -> session -> forced password change -> permission -> handler -> response parse.
 * The response is parsed with its schema too, which strips anything a service returned that the contract does not
 * promise (a hash or a key can never leak by accident). Unknown throws become INTERNAL and are logged.
 */
export type Dispatch = (channel: string, input: unknown, caller: CallerContext) => Promise<Result<unknown>>;

export interface DispatcherDeps {
  handlers: HandlerTable;
  sessions: SessionStore;
  logger: Logger;
  /** Records refused calls (R17); runs its own write transaction. */
  auditDenied(entry: { actor: string; channel: string; reason: string }): void;
  now(): Date;
}

function refusal(spec: ChannelSpec, session: Session | null): { code: 'NOT_SIGNED_IN' | 'PASSWORD_CHANGE_REQUIRED' | 'PERMISSION_DENIED'; message: string } | null {
  if (spec.access === 'public') return null;
  if (!session) return { code: 'NOT_SIGNED_IN', message: 'Please sign in first.' };
  if (session.mustChangePassword && !spec.whilePasswordChangeRequired) {
    return { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Your password was reset. Choose a new password before anything else.' };
  }
  if (spec.access === 'signedIn') return null;
  if (!accessAllows(spec.access, session.permissions)) {
    return { code: 'PERMISSION_DENIED', message: `Your role does not allow this action (${describeAccess(spec.access)}). Ask an administrator.` };
  }
  return null;
}

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async (channelName, rawInput, caller) => {
    if (!isChannel(channelName)) return err('UNKNOWN_CHANNEL', `There is no action called "${channelName}".`);
    const channel: Channel = channelName;
    const spec: ChannelSpec = contract[channel];
    const parsed = spec.request.safeParse(rawInput ?? {});
    if (!parsed.success) return validationError(parsed.error);

    const session = deps.sessions.get(caller.sessionToken);
    if (session) session.lastSeenAt = deps.now();
    const refused = refusal(spec, session);
    if (refused) {
      if (refused.code === 'PERMISSION_DENIED' || refused.code === 'PASSWORD_CHANGE_REQUIRED') {
        try {
          deps.auditDenied({ actor: session?.loginId ?? '-', channel, reason: refused.code });
        } catch (error) {
          deps.logger.error(`audit of a refused call to ${channel} failed`, error);
        }
      }
      return err(refused.code, refused.message);
    }

    try {
      const handler = deps.handlers[channel] as (input: unknown, ctx: { session: Session | null; caller: CallerContext }) => Result<unknown> | Promise<Result<unknown>>;
      const result = await handler(parsed.data, { session, caller });
      if (!result.ok) return result;
      const checked = spec.response.safeParse(result.value);
      if (!checked.success) {
        deps.logger.error(`${channel} returned a value outside its contract: ${checked.error.message}`);
        return err('INTERNAL', 'Something went wrong inside TokenTill. Nothing was lost; try again, and call support if it repeats.');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppFailure) return err(error.code, error.message);
      deps.logger.error(`${channel} failed`, error);
      return err('INTERNAL', 'Something went wrong inside TokenTill. Nothing was lost; try again, and call support if it repeats.');
    }
  };
}
