import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/services/audit-log';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import { writeTransaction } from '../../../electron/db/open-database';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

const harnesses: CoreHarness[] = [];
async function harness() {
  const h = await startCoreHarness();
  harnesses.push(h);
  return h;
}
afterEach(() => {
  for (const h of harnesses.splice(0)) {
    h.close();
    removeDir(h.dataDir);
  }
});

describe('the handler table through the dispatcher', () => {
  it('sets up once, then refuses a second setup', async () => {
    const h = await harness();
    const anyone = h.caller();
    expect(await anyone.call('setup.status')).toMatchObject({ ok: true, value: { initialized: false } });
    expect(await anyone.call('setup.init', SETUP_INPUT)).toEqual({ ok: true, value: { initialized: true, demoLoaded: true } });
    expect(await anyone.call('setup.status')).toMatchObject({ ok: true, value: { initialized: true, stationCode: 'ST01', companyName: 'Demo Power Co.' } });
    expect(await anyone.call('setup.init', SETUP_INPUT)).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });

  it('refuses a weak admin password at setup, naming which password', async () => {
    const h = await harness();
    const result = await h.caller().call('setup.init', { ...SETUP_INPUT, vendPassword: 'password' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Transaction \(vend\) password/);
    expect(await h.caller().call('setup.status')).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it('refuses a channel without a session, and one without its permission (audited)', async () => {
    const h = await harness();
    await h.caller().call('setup.init', SETUP_INPUT);
    const nobody = h.caller();
    expect(await nobody.call('settings.get')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const cashier = h.caller();
    expect(await cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password })).toMatchObject({ ok: true, value: { roleId: 'OnlyVending' } });
    expect(await cashier.call('settings.get')).toMatchObject({ ok: true });
    const denied = await cashier.call('settings.save', { section: 'general', value: { idleTimeoutMinutes: 30 } });
    expect(denied).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const row = h.core.database.sqlite.prepare("SELECT actor, target, result FROM audit_log WHERE action = 'access.denied'").get();
    expect(row).toEqual({ actor: 'cashier', target: 'settings.save', result: 'denied' });

    const admin = h.caller();
    await admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
    const saved = await admin.call<{ general: { idleTimeoutMinutes: number } }>('settings.save', { section: 'general', value: { idleTimeoutMinutes: 30 } });
    expect(saved.ok && saved.value.general.idleTimeoutMinutes).toBe(30);
  });

  it('records every login attempt and locks after 5 failures, still locked after a restart', async () => {
    const h = await harness();
    await h.caller().call('setup.init', SETUP_INPUT);
    const caller = h.caller();
    for (let i = 0; i < 4; i += 1) {
      expect(await caller.call('session.login', { username: '0000', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    }
    expect(await caller.call('session.login', { username: '0000', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED' } });
    const history = h.core.database.sqlite.prepare('SELECT result, reason FROM login_history ORDER BY created_at').all();
    expect(history).toHaveLength(5);

    h.close();
    harnesses.pop();
    const reopened = await startCoreHarness({ dataDir: h.dataDir });
    harnesses.push(reopened);
    const locked = await reopened.caller().call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED' } });
    if (!locked.ok) expect(locked.error.message).toMatch(/administrator can unlock/);
  });
});

describe('the audit chain', () => {
  async function withActivity() {
    const h = await harness();
    await h.caller().call('setup.init', SETUP_INPUT);
    const admin = h.caller();
    await admin.call('session.login', { username: '0000', password: 'wrong' });
    await admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
    await admin.call('settings.save', { section: 'general', value: { idleTimeoutMinutes: 20 } });
    await admin.call('session.logout');
    return h;
  }

  it('links every row from the first one', async () => {
    const h = await withActivity();
    const verdict = verifyAuditChain(h.core.database.sqlite);
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThanOrEqual(6);
    const first = h.core.database.sqlite.prepare('SELECT seq, prev_hash AS prevHash FROM audit_log ORDER BY seq LIMIT 1').get();
    expect(first).toEqual({ seq: 1, prevHash: '0'.repeat(64) });
  });

  it('names an edited row, a deleted row, an inserted row and a truncated tail', async () => {
    const h = await withActivity();
    const { sqlite } = h.core.database;
    const snapshot = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    const restore = () => {
      sqlite.prepare('DELETE FROM audit_log').run();
      const insert = sqlite.prepare(`INSERT INTO audit_log VALUES (${Object.keys(snapshot[0]!).map(() => '?').join(',')})`);
      for (const row of snapshot) insert.run(...Object.values(row));
      expect(verifyAuditChain(sqlite).ok).toBe(true);
    };

    sqlite.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3").run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: expect.stringMatching(/changed/) });
    restore();

    sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: expect.stringMatching(/missing/) });
    restore();

    sqlite.prepare('UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4').run();
    sqlite.prepare('UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000').run();
    const forged = { ...snapshot[2]!, seq: 4, id: 'forged' };
    sqlite.prepare(`INSERT INTO audit_log VALUES (${Object.keys(forged).map(() => '?').join(',')})`).run(...Object.values(forged));
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAtSeq: 4 });
    sqlite.prepare('DELETE FROM audit_log').run();
    restore();

    const lastSeq = snapshot.length;
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(lastSeq);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAtSeq: lastSeq, reason: expect.stringMatching(/truncated/) });
  });

  it('refuses an append outside a write transaction', async () => {
    const h = await harness();
    expect(() => h.core.audit.append({ actor: 'x', action: 'y' })).toThrow(/inside the write transaction/);
    expect(writeTransaction(h.core.database.sqlite, () => h.core.audit.append({ actor: 'x', action: 'y' })).seq).toBe(1);
  });
});

describe('the key store', () => {
  it('round-trips a secret encrypted at rest, and shows only a fingerprint', async () => {
    const h = await harness();
    expect(h.core.keyStore.status().state).toBe('unlocked');
    const secret = Buffer.from('ABABABABABABABAB', 'hex');
    const info = writeTransaction(h.core.database.sqlite, () => h.core.keyStore.put('vk:test', secret, { sgc: '123456' }));
    expect(info.fingerprint).toMatch(/^[0-9A-F]{16}$/);
    expect(h.core.keyStore.get('vk:test')?.equals(secret)).toBe(true);
    const stored = h.core.database.sqlite.prepare('SELECT ciphertext FROM key_store').get() as { ciphertext: Buffer };
    expect(stored.ciphertext.includes(secret)).toBe(false);
    expect(h.core.keyStore.list('vk:')).toEqual([expect.objectContaining({ name: 'vk:test', fingerprint: info.fingerprint })]);
  });

  it('is locked without a passphrase, says so, and refuses; a wrong passphrase does not unlock it', async () => {
    const first = await harness();
    writeTransaction(first.core.database.sqlite, () => first.core.keyStore.put('vk:test', Buffer.from('01', 'hex')));
    first.close();
    harnesses.pop();
    const locked = await startCoreHarness({ dataDir: first.dataDir, env: { TOKENTILL_KEY_PASSPHRASE: '' } });
    harnesses.push(locked);
    expect(locked.core.keyStore.status()).toMatchObject({ state: 'locked', message: expect.stringMatching(/cannot be issued/) });
    expect(() => locked.core.keyStore.get('vk:test')).toThrow(/locked/);
    await expect(locked.core.keyStore.unlockWithPassphrase('not the passphrase')).rejects.toThrow(/wrong/);
    expect(locked.core.keyStore.status().state).toBe('locked');
  });
});
