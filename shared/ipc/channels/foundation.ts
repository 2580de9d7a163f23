import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { AllSettings, SaveSettingsInput } from '../../config/settings';
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
} from '../schemas';

/** The foundation's channels (F1): setup, session, settings, key store. */
export const foundationChannels = {
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
