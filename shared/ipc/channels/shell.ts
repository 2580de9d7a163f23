import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { Empty, HomeSummary, SessionInfo, SessionLockResult, SessionTouchResult, UnlockSessionInput } from '../schemas';

/**
 * The shell's channels (F2). A session locks when its operator is away (the idle timeout of the general settings,
 * or the operator's own choice); while locked the main side refuses every signed-in channel with SESSION_LOCKED
 * except lock and unlock, so the screens stay open behind the lock and nothing can be done through them.
 */
export const shellChannels = {
  'session.lock': channel({
    request: Empty,
    response: SessionLockResult,
    access: 'signedIn',
    whilePasswordChangeRequired: true,
    summary: 'Lock the signed-in session (idle timeout reached, or the operator steps away); open screens stay open.',
  }),
  'session.unlock': channel({
    request: UnlockSessionInput,
    response: SessionInfo,
    access: 'signedIn',
    whilePasswordChangeRequired: true,
    summary: "Unlock a locked session with the operator's login password; failures count towards the login lock.",
  }),
  'session.touch': channel({
    request: Empty,
    response: SessionTouchResult,
    access: 'signedIn',
    whilePasswordChangeRequired: true,
    summary: 'The operator is working at the screens without calling anything: keep the session from idling.',
  }),
  'home.summary': channel({
    request: Empty,
    response: HomeSummary,
    access: 'signedIn',
    summary: "Today's sales count and totals per currency for the signed-in operator at this station.",
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
