import { AppFailure, ok } from '../../../shared/errors/result';
import type { shellChannels } from '../../../shared/ipc/channels/shell';
import type { AuthService } from '../auth-service';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { HomeService } from '../home-service';
import type { SessionLockService } from '../session-lock-service';

export interface ShellServices {
  auth: AuthService;
  sessionLock: SessionLockService;
  home: HomeService;
}

/**
 * The shell's handlers (F2): session lock, unlock and touch (the dispatcher has already marked the session as seen),
 * and the Home tab's figures. No logic lives here.
 */
export function shellHandlers(services: ShellServices): FeatureHandlers<typeof shellChannels> {
  return {
    'session.lock': (_input, ctx) => {
      services.sessionLock.lock(requireSession(ctx), 'operator');
      return ok({ locked: true as const });
    },
    'session.unlock': async (input, ctx) => {
      const session = requireSession(ctx);
      try {
        await services.sessionLock.unlock(session, input.password);
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'LOGIN_LOCKED') ctx.caller.setSessionToken(null);
        throw error;
      }
      return ok(services.auth.toSessionInfo(session));
    },
    'session.touch': () => ok({ idleTimeoutMinutes: services.sessionLock.idleTimeoutMinutes() }),
    'home.summary': (_input, ctx) => ok(services.home.summary(requireSession(ctx))),
  };
}
