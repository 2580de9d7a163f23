import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

/**
 * Who may call a channel: anyone (before login, e.g. setup and login), any signed-in user, or a user whose role
 * holds the named permission. Checked on the main side for every request, whatever the UI shows.
 */
export type Access = 'public' | 'signedIn' | Permission;

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  readonly access: Access;
  /** Channels still open to a user who must change a reset password first (R15). */
  readonly whilePasswordChangeRequired?: true;
  readonly summary: string;
}

/** `noun.verb`; the noun may be camelCase ("loginHistory.list"); test/unit/shared/ipc/contract.test.ts checks the form. */
export type ChannelName = `${string}.${string}`;

export function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

