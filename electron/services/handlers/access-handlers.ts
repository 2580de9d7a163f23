import { AppFailure, ok } from '../../../shared/errors/result';
import type { accessChannels } from '../../../shared/ipc/channels/access';
import type { PasswordService } from '../access/password-service';
import type { RoleService } from '../access/role-service';
import type { UserService } from '../access/user-service';
import type { VendPasswordCheck } from '../access/vend-password-check';
import type { AuditService } from '../audit-service';
import type { AuthService } from '../auth-service';
import type { FeatureHandlers, HandlerContext } from '../handler-types';
import { requireSession } from '../handler-types';
import type { KeysService } from '../keys-service';
import type { VendingKeys } from '../vending-keys';

export interface AccessServices {
  auth: AuthService;
  roles: RoleService;
  users: UserService;
  passwords: PasswordService;
  /** The vend password check the vend (V1) calls before it issues anything. */
  vendPassword: VendPasswordCheck;
  keys: KeysService;
  /** The key lookup for `createTokenIssuer({ vendingKeyProvider: vendingKeys.provider })` (V1). */
  vendingKeys: VendingKeys;
  auditTrail: AuditService;
}

function actorOf(ctx: HandlerContext) {
  const session = requireSession(ctx);
  return { userId: session.userId, loginId: session.loginId };
}

/** A password change that reached the login lock ended the session: the transport forgets its token too. */
async function endingOnLock<T>(ctx: HandlerContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'LOGIN_LOCKED' || error.code === 'NOT_SIGNED_IN')) ctx.caller.setSessionToken(null);
    throw error;
  }
}

/** Access control's handlers (S1): each channel mapped to the service that answers it. No logic lives here. */
export function accessHandlers(services: AccessServices): FeatureHandlers<typeof accessChannels> {
  return {
    'permissions.list': () => ok(services.roles.catalogue()),
    'roles.list': (input) => ok(services.roles.list(input)),
    'roles.create': (input, ctx) => ok(services.roles.create(input, actorOf(ctx).loginId)),
    'roles.update': (input, ctx) => ok(services.roles.update(input, actorOf(ctx).loginId)),
    'roles.remove': (input, ctx) => ok(services.roles.remove(input, actorOf(ctx).loginId)),
    'users.list': (input) => ok(services.users.list(input)),
    'users.roleChoices': () => ok(services.users.roleChoices()),
    'users.create': async (input, ctx) => ok(await services.users.create(input, actorOf(ctx))),
    'users.update': (input, ctx) => ok(services.users.update(input, actorOf(ctx))),
    'users.remove': (input, ctx) => ok(services.users.remove(input, actorOf(ctx))),
    'users.resetPassword': async (input, ctx) => ok(await services.users.resetPassword(input, actorOf(ctx))),
    'users.unlock': (input, ctx) => ok(services.users.unlock({ id: input.id }, input.which, actorOf(ctx).loginId, 'screen')),
    'password.changeLogin': (input, ctx) =>
      endingOnLock(ctx, async () => {
        const session = requireSession(ctx);
        const message = await services.passwords.changeLogin(session, input);
        return ok({ message, session: services.auth.toSessionInfo(session) });
      }),
    'password.changeVend': (input, ctx) =>
      endingOnLock(ctx, async () => {
        const session = requireSession(ctx);
        const message = await services.passwords.changeVend(session, input);
        return ok({ message, session: services.auth.toSessionInfo(session) });
      }),
    'keys.list': () => ok(services.keys.overview()),
    'keys.load': (input, ctx) => ok(services.keys.loadKey(input, actorOf(ctx).loginId)),
    'keys.loadTables': (input, ctx) => ok(services.keys.loadTables(input, actorOf(ctx).loginId)),
    'audit.list': (input) => ok(services.auditTrail.list(input)),
    'audit.verify': (_input, ctx) => ok(services.auditTrail.verify(actorOf(ctx).loginId)),
    'audit.export': async (input, ctx) => ok(await services.auditTrail.export(input, actorOf(ctx).loginId)),
  };
}
