import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import { cliInitDataDir, FIXTURE_ADMIN } from '../../support/cli-init';
import { rpcClient, startHost, type HostProcess } from '../../support/host-process';

/**
 * Locks survive a crash (reliability.md R14): the browser-mode host is killed with SIGKILL after the lock and
 * started again on the same data folder; the lock still holds, the right password is still refused, and the login
 * and vend counters stay separate.
 */
const hosts: HostProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function host(dataDir: string): Promise<HostProcess> {
  const started = await startHost({ dataDir });
  hosts.push(started);
  return started;
}

function codeOf(reply: { body: { ok: boolean; error?: { code: string } } }): string {
  return reply.body.ok ? 'OK' : (reply.body.error?.code ?? '?');
}

describe('locks after kill -9', () => {
  it('keeps a login lock: the right password is still refused after the restart', async () => {
    const dir = cliInitDataDir({ demo: true });
    dirs.push(dir);
    const first = await host(dir);
    const call = rpcClient(first.url);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) codes.push(codeOf(await call('session.login', { username: DEMO_CASHIER.loginId, password: 'wrong' })));
    expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_LOCKED']);
    await first.stop('SIGKILL');

    const second = await host(dir);
    const again = rpcClient(second.url);
    expect(codeOf(await again('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }))).toBe('LOGIN_LOCKED');
    expect(codeOf(await again('session.login', { username: FIXTURE_ADMIN.userId, password: FIXTURE_ADMIN.password }))).toBe('OK');
  }, 90_000);

  it('keeps a vend password lock, separate from the login, until an administrator unlocks it', async () => {
    const dir = cliInitDataDir({ demo: true });
    dirs.push(dir);
    const first = await host(dir);
    const cashier = rpcClient(first.url);
    expect(codeOf(await cashier('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }))).toBe('OK');
    const wrong = { currentVendPassword: 'wrong', newVendPassword: 'Cashier#Vend27' };
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) codes.push(codeOf(await cashier('password.changeVend', wrong)));
    expect(codes).toEqual(['VEND_PASSWORD_WRONG', 'VEND_PASSWORD_WRONG', 'VEND_PASSWORD_WRONG', 'VEND_PASSWORD_WRONG', 'VEND_LOCKED']);
    await first.stop('SIGKILL');

    const second = await host(dir);
    const cashierAgain = rpcClient(second.url);
    expect(codeOf(await cashierAgain('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }))).toBe('OK');
    const right = { currentVendPassword: DEMO_CASHIER.vendPassword, newVendPassword: 'Cashier#Vend27' };
    expect(codeOf(await cashierAgain('password.changeVend', right))).toBe('VEND_LOCKED');

    const admin = rpcClient(second.url);
    expect(codeOf(await admin('session.login', { username: FIXTURE_ADMIN.userId, password: FIXTURE_ADMIN.password }))).toBe('OK');
    const list = await admin<{ rows: Array<{ id: string; loginId: string; vendLocked: boolean; loginLocked: boolean }> }>('users.list', { search: DEMO_CASHIER.loginId });
    const row = list.body.ok ? list.body.value.rows.find((r) => r.loginId === DEMO_CASHIER.loginId) : undefined;
    expect(row).toMatchObject({ vendLocked: true, loginLocked: false });
    expect(codeOf(await admin('users.unlock', { id: row?.id, which: 'vend' }))).toBe('OK');
    expect(codeOf(await cashierAgain('password.changeVend', right))).toBe('OK');
  }, 90_000);
});
