import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/services/core';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import type { CallerContext } from '../../../electron/services/handler-types';
import { APP_ROOT, makeDataDir, testEnv } from '../../support/host-process';

/** The idle lock on the main side, with the core's clock in the test's hand. */
const ADMIN = { userId: '0000', password: 'Admin#2026x' };
const SETUP = {
  companyName: 'Demo Power Co.',
  stationCode: 'ST01',
  stationName: 'Main Street',
  districtName: 'Central',
  defaultCurrency: 'USD',
  adminUserId: ADMIN.userId,
  adminName: 'Raymond',
  adminPassword: ADMIN.password,
  vendPassword: 'Vend#2026xy',
  loadDemo: true,
};

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface Rig {
  core: Core;
  dir: string;
  advanceMinutes(minutes: number): void;
  caller(): CallerContext & { call(channel: string, input?: unknown): Promise<Reply> };
}

const rigs: Rig[] = [];
afterEach(() => {
  for (const rig of rigs.splice(0)) {
    rig.core.close();
    fs.rmSync(rig.dir, { recursive: true, force: true });
  }
});

async function rig(): Promise<Rig> {
  const dir = makeDataDir('tokentill-lock-');
  let now = new Date('2026-03-02T08:00:00Z').getTime();
  const started = await startCore({ dataDir: dir, appRoot: APP_ROOT, program: 'test', env: testEnv(dir), clock: { now: () => new Date(now) } });
  if (!started.ok) throw new Error(started.problem.message);
  const made: Rig = {
    core: started.core,
    dir,
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
    caller() {
      let token: string | null = null;
      const ctx = {
        transport: 'test' as const,
        get sessionToken() {
          return token;
        },
        setSessionToken(next: string | null) {
          token = next;
        },
        call: async (channel: string, input: unknown = {}) => (await started.core.dispatch(channel, input, ctx)) as Reply,
      };
      return ctx;
    },
  };
  rigs.push(made);
  expect(await made.caller().call('setup.init', SETUP)).toMatchObject({ ok: true });
  return made;
}

function loginHistory(core: Core, loginId: string): { result: string; reason: string }[] {
  return core.database.sqlite.prepare('SELECT result, reason FROM login_history WHERE login_id = ? ORDER BY created_at, rowid').all(loginId) as { result: string; reason: string }[];
}

describe('the idle lock on the main side', () => {
  it('locks a session idle for the configured minutes, refuses its calls with SESSION_LOCKED, and unlocks with the password', async () => {
    const r = await rig();
    const admin = r.caller();
    expect(await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password })).toMatchObject({ ok: true });
    expect(await admin.call('home.summary')).toMatchObject({ ok: true });

    r.advanceMinutes(14);
    expect(await admin.call('home.summary')).toMatchObject({ ok: true });
    r.advanceMinutes(15);
    const refused = await admin.call('home.summary');
    expect(refused).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    if (!refused.ok) expect(refused.error.message).toContain('Raymond (0000)');
    expect(await admin.call('settings.get')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await admin.call('session.current')).toMatchObject({ ok: true, value: { userId: '0000' } });

    expect(await admin.call('session.unlock', { password: 'Wrong#pass1' })).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED', message: expect.stringContaining('4 attempts left') } });
    expect(await admin.call('home.summary')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await admin.call('session.unlock', { password: ADMIN.password })).toMatchObject({ ok: true, value: { userId: '0000' } });
    expect(await admin.call('home.summary')).toMatchObject({ ok: true });

    expect(loginHistory(r.core, '0000')).toEqual([
      { result: 'success', reason: 'signed in' },
      { result: 'failure', reason: 'wrong password (unlock)' },
      { result: 'success', reason: 'session unlocked' },
    ]);
    const audit = r.core.database.sqlite.prepare("SELECT action, details_json AS d FROM audit_log WHERE action LIKE 'session.%' ORDER BY seq").all();
    expect(audit).toEqual([
      { action: 'session.lock', d: JSON.stringify({ reason: 'idle' }) },
      { action: 'session.unlock.failure', d: JSON.stringify({ reason: 'wrong password (unlock)' }) },
      { action: 'session.unlock.success', d: JSON.stringify({ reason: 'session unlocked' }) },
    ]);
  });

  it('follows the idle timeout setting', async () => {
    const r = await rig();
    const admin = r.caller();
    await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password });
    const general = ((await admin.call('settings.get')) as { ok: true; value: { general: Record<string, unknown> } }).value.general;
    expect(await admin.call('settings.save', { section: 'general', value: { ...general, idleTimeoutMinutes: 2 } })).toMatchObject({ ok: true });
    r.advanceMinutes(1);
    expect(await admin.call('home.summary')).toMatchObject({ ok: true });
    r.advanceMinutes(2);
    expect(await admin.call('home.summary')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('session.touch from screens in use keeps the session from idling; a touch after the timeout finds it locked', async () => {
    const r = await rig();
    const admin = r.caller();
    await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password });
    r.advanceMinutes(10);
    expect(await admin.call('session.touch')).toEqual({ ok: true, value: { idleTimeoutMinutes: 15 } });
    r.advanceMinutes(10);
    expect(await admin.call('home.summary')).toMatchObject({ ok: true });
    r.advanceMinutes(16);
    expect(await admin.call('session.touch')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('locks at once when the screens ask, and only that session', async () => {
    const r = await rig();
    const admin = r.caller();
    const cashier = r.caller();
    await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password });
    await cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password });
    expect(await admin.call('session.lock')).toEqual({ ok: true, value: { locked: true } });
    expect(await admin.call('session.lock')).toEqual({ ok: true, value: { locked: true } });
    expect(await admin.call('keystore.status')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await cashier.call('home.summary')).toMatchObject({ ok: true });
    expect(await cashier.call('session.unlock', { password: 'anything' })).toMatchObject({ ok: true });
    expect(loginHistory(r.core, DEMO_CASHIER.loginId)).toHaveLength(1);
  });

  it('counts unlock failures towards the login lock: the fifth ends the session and locks the login', async () => {
    const r = await rig();
    const admin = r.caller();
    await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password });
    await admin.call('session.lock');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await admin.call('session.unlock', { password: `Wrong#pass${attempt}` })).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    }
    const fifth = await admin.call('session.unlock', { password: 'Wrong#pass5' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED' } });
    if (!fifth.ok) expect(fifth.error.message).toContain('An administrator can unlock it in User Management');
    expect(admin.sessionToken).toBeNull();
    expect(await admin.call('session.current')).toEqual({ ok: true, value: null });
    expect(await r.caller().call('session.login', { username: ADMIN.userId, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED' } });
  });

  it('lets a locked session sign out, and sign-out ends the lock with the session', async () => {
    const r = await rig();
    const admin = r.caller();
    await admin.call('session.login', { username: ADMIN.userId, password: ADMIN.password });
    await admin.call('session.lock');
    expect(await admin.call('session.logout')).toEqual({ ok: true, value: { loggedOut: true } });
    expect(await admin.call('home.summary')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});

describe('home.summary', () => {
  it("gives today's real figures for the operator and station: zero sales before vending exists, in the default currency", async () => {
    const r = await rig();
    const cashier = r.caller();
    await cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password });
    const summary = await cashier.call('home.summary');
    expect(summary).toMatchObject({
      ok: true,
      value: {
        stationCode: 'ST01',
        stationName: 'Main Street',
        operatorId: 'cashier',
        operatorName: DEMO_CASHIER.name,
        salesCount: 0,
        totals: [{ currency: 'USD', amountMinor: 0, salesCount: 0 }],
      },
    });
    if (summary.ok) {
      const value = summary.value as { day: string; from: string; to: string };
      expect(new Date(value.to).getTime() - new Date(value.from).getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);
      expect(new Date(value.from).getTime()).toBeLessThanOrEqual(new Date('2026-03-02T08:00:00Z').getTime());
      expect(value.day).toMatch(/^2026-03-0[12]$/);
    }
  });

  it('is refused without a session', async () => {
    const r = await rig();
    expect(await r.caller().call('home.summary')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});
