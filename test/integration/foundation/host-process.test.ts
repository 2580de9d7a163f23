import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SETUP_INPUT } from '../../support/core-harness';
import { makeDataDir, rpcClient, startHost, type HostProcess } from '../../support/host-process';

const hosts: HostProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the browser-mode host as a process', () => {
  it('keeps a login lock across kill -9 and a restart on the same data folder', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const first = await startHost({ dataDir });
    hosts.push(first);
    const call = rpcClient(first.url);
    expect((await call('setup.init', SETUP_INPUT)).body.ok).toBe(true);
    for (let i = 0; i < 5; i += 1) await call('session.login', { username: '0000', password: 'not-it' });
    await first.stop('SIGKILL');

    const second = await startHost({ dataDir });
    hosts.push(second);
    const again = await rpcClient(second.url)('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED' } });
  });

  it('refuses a second host on the same data folder with a message', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const first = await startHost({ dataDir });
    hosts.push(first);
    const second = await startHost({ dataDir });
    hosts.push(second);
    const reply = await rpcClient(second.url)('setup.status');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'STARTUP_FAILED', message: expect.stringMatching(/in use by another TokenTill/) } });
    expect(second.output()).toMatch(/cannot start/);
  });
});
