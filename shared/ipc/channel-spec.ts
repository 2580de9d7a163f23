import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

/**
 * Who may call a channel: anyone (before login, e.g. setup and login), any signed-in user, a user whose role holds
 * the named permission, or (a list) a user whose role holds any one of them: a lookup several screens need, such as
 * the accounts grid that both the Top-up Center and each Advanced Center action choose a customer from. Checked on the
 * main side for every request, whatever the UI shows.
 */
export type Access = 'public' | 'signedIn' | Permission | readonly Permission[];

/** Whether a signed-in user holding `held` may call a channel with this access. */
export function accessAllows(access: Access, held: ReadonlySet<string>): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  if (typeof access === 'string') return held.has(access);
  return access.some((permission) => held.has(permission));
}

/** The access as a cashier-readable fragment: "vend", or "one of vend, advanced.clearTamper". */
export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `one of ${access.join(', ')}`;
}

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

