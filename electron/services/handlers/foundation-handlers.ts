import { ok } from '../../../shared/errors/result';
import type { AuthService } from '../auth-service';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { KeyStore } from '../key-store';
import type { SettingsService } from '../settings-service';
import type { SetupService } from '../setup-service';
import type Database from 'better-sqlite3';
import type { foundationChannels } from '../../../shared/ipc/channels/foundation';
import { writeTransaction } from '../../db/open-database';
import type { AuditLog } from '../audit-log';
import type { EventBus } from '../event-bus';

export interface Services {
  sqlite: Database.Database;
  audit: AuditLog;
  events: EventBus;
  setup: SetupService;
  auth: AuthService;
  settings: SettingsService;
  keyStore: KeyStore;
}

/** The foundation's handlers (F1): each channel mapped to the service that answers it. No logic lives here. */
export function foundationHandlers(services: Services): FeatureHandlers<typeof foundationChannels> {
  return {
    'setup.status': () => ok(services.setup.status()),
    'setup.init': async (input) => ok(await services.setup.init(input)),
    'session.login': async (input, ctx) => {
      const session = await services.auth.login(input);
      ctx.caller.setSessionToken(session.token);
      return ok(services.auth.toSessionInfo(session));
    },
    'session.current': (_input, ctx) => ok(ctx.session ? services.auth.toSessionInfo(ctx.session) : null),
    'session.logout': (_input, ctx) => {
      services.auth.logout(ctx.session);
      ctx.caller.setSessionToken(null);
      return ok({ loggedOut: true as const });
    },
    'settings.get': () => ok(services.settings.getAll()),
    'settings.save': (input, ctx) => ok(services.settings.save(input, requireSession(ctx).loginId)),
    'keystore.status': () => ok(services.keyStore.status()),
    'keystore.unlock': async (input, ctx) => {
      const session = requireSession(ctx);
      const status = await services.keyStore.unlockWithPassphrase(input.passphrase);
      writeTransaction(services.sqlite, () => services.audit.append({ actor: session.loginId, action: 'keystore.unlock', target: 'key-store' }));
      services.events.publish('keystore.status', status);
      return ok(status);
    },
  };
}
