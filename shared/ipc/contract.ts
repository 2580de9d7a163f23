import { z } from 'zod';
import type { Permission } from '../auth/permissions';
import { AllSettings, SaveSettingsInput } from '../config/settings';
import {
  Empty,
  KeyStoreStatus,
  LoginInput,
  LogoutResult,
  SessionInfo,
  SetupInput,
  SetupResult,
  SetupStatus,
  UnlockKeyStoreInput,
} from './schemas';

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

type ChannelName = `${Lowercase<string>}.${string}`;

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

/**
 * The only place where a channel exists. Names are `noun.verb` and are the public API: they stay stable.
 * Both transports (Electron IPC and the browser-mode HTTP host) serve exactly this table.
 */
export const contract = {
  'setup.status': channel({
    request: Empty,
    response: SetupStatus,
    access: 'public',
    whilePasswordChangeRequired: true,
    summary: 'Whether this terminal has been set up, and the key store state.',
  }),
  'setup.init': channel({
    request: SetupInput,
    response: SetupResult,
    access: 'public',
    summary: 'First-run setup: company, station, district, the admin user and (optionally) the demo data.',
  }),
  'session.login': channel({
    request: LoginInput,
    response: SessionInfo,
    access: 'public',
    summary: 'Sign in with user id and password.',
  }),
  'session.current': channel({
    request: Empty,
    response: SessionInfo.nullable(),
    access: 'public',
    whilePasswordChangeRequired: true,
    summary: 'The signed-in user, or null.',
  }),
  'session.logout': channel({
    request: Empty,
    response: LogoutResult,
    access: 'public',
    whilePasswordChangeRequired: true,
    summary: 'Sign out (Quit Center).',
  }),
  'settings.get': channel({
    request: Empty,
    response: AllSettings,
    access: 'signedIn',
    summary: 'Every settings section.',
  }),
  'settings.save': channel({
    request: SaveSettingsInput,
    response: AllSettings,
    access: 'settings.edit',
    summary: 'Save one settings section.',
  }),
  'keystore.status': channel({
    request: Empty,
    response: KeyStoreStatus,
    access: 'signedIn',
    summary: 'Whether the encrypted key store is unlocked.',
  }),
  'keystore.unlock': channel({
    request: UnlockKeyStoreInput,
    response: KeyStoreStatus,
    access: 'keys.manage',
    summary: 'Unlock the key store with its passphrase (browser mode).',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
