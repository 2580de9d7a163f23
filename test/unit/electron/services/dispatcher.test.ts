import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../electron/services/dispatcher';
import type { HandlerTable } from '../../../../electron/services/handler-types';
import { createSessionStore } from '../../../../electron/services/session-store';
import { AppFailure, ok } from '../../../../shared/errors/result';

function setup(overrides: Partial<Record<string, unknown>> = {}) {
  const sessions = createSessionStore();
  const denied: unknown[] = [];
  const logger = { info: vi.fn(), error: vi.fn() };
  const handlers = {
    'settings.get': vi.fn(() => ok({ general: {}, company: {}, security: {} })),
    'settings.save': vi.fn(() => ok({})),
    'session.current': vi.fn(() => ok(null)),
    'keystore.status': vi.fn(() => ok({ state: 'locked', message: 'locked', secretKey: 'ABABABABABABABAB' })),
    ...overrides,
  } as unknown as HandlerTable;
  const dispatch = createDispatcher({ handlers, sessions, logger, now: () => new Date(), auditDenied: (entry) => denied.push(entry) });
  const caller = (token: string | null) => ({ transport: 'test' as const, sessionToken: token, setSessionToken: () => undefined });
  const signIn = (permissions: string[], mustChangePassword = false) =>
    sessions.create(
      { userId: 'u1', loginId: 'julia08', name: 'Julia', roleId: 'R', roleName: 'R', permissions: new Set(permissions), stationId: 's', stationCode: 'S', stationName: 'S', mustChangePassword },
      new Date(),
    ).token;
  return { dispatch, handlers, caller, signIn, denied, logger };
}

describe('the dispatcher pipeline', () => {
  it('refuses a channel that does not exist', async () => {
    const { dispatch, caller } = setup();
    expect(await dispatch('vend.everything', {}, caller(null))).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no action called "vend.everything".' } });
  });

  it('parses before anything else and names the field', async () => {
    const { dispatch, caller, handlers } = setup();
    const result = await dispatch('settings.save', { section: 'general', value: { idleTimeoutMinutes: 0 } }, caller(null));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    expect(handlers['settings.save']).not.toHaveBeenCalled();
  });

  it('refuses a signed-in channel without a session', async () => {
    const { dispatch, caller, handlers } = setup();
    const result = await dispatch('settings.get', {}, caller(null));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(handlers['settings.get']).not.toHaveBeenCalled();
  });

  it('refuses and audits a call without the permission', async () => {
    const { dispatch, caller, signIn, denied, handlers } = setup();
    const token = signIn(['vend']);
    const result = await dispatch('settings.save', { section: 'general', value: {} }, caller(token));
    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(denied).toEqual([{ actor: 'julia08', channel: 'settings.save', reason: 'PERMISSION_DENIED' }]);
    expect(handlers['settings.save']).not.toHaveBeenCalled();
  });

  it('lets a user whose password was reset reach only the allowed channels', async () => {
    const { dispatch, caller, signIn } = setup();
    const token = signIn(['settings.edit'], true);
    expect(await dispatch('settings.get', {}, caller(token))).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await dispatch('session.current', {}, caller(token))).toMatchObject({ ok: true });
  });

  it('strips what a handler returns beyond the contract', async () => {
    const { dispatch, caller, signIn } = setup();
    const result = await dispatch('keystore.status', {}, caller(signIn([])));
    expect(result).toEqual({ ok: true, value: { state: 'locked', message: 'locked' } });
  });

  it('turns an AppFailure into its error and anything else into INTERNAL, logged', async () => {
    const failing = setup({
      'settings.get': () => {
        throw new AppFailure('KEY_STORE_LOCKED', 'The key store is locked.');
      },
      'session.current': () => {
        throw new Error('boom');
      },
    });
    const token = failing.signIn([]);
    expect(await failing.dispatch('settings.get', {}, failing.caller(token))).toEqual({ ok: false, error: { code: 'KEY_STORE_LOCKED', message: 'The key store is locked.' } });
    expect(await failing.dispatch('session.current', {}, failing.caller(token))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(failing.logger.error).toHaveBeenCalledTimes(1);
  });
});
