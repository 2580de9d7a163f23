import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';
import { APP_ROOT, rpcClient } from '../../support/host-process';

let harness: CoreHarness | null = null;
let host: HttpHost | null = null;
afterEach(async () => {
  await host?.close();
  harness?.close();
  if (harness) removeDir(harness.dataDir);
  host = null;
  harness = null;
});

async function start() {
  harness = await startCoreHarness();
  host = await startHttpHost({
    mode: { kind: 'running', dispatch: harness.core.dispatch, events: harness.core.events },
    staticDir: path.join(APP_ROOT, 'dist', 'renderer'),
    port: 0,
    version: 'test',
    logger: harness.core.logger,
  });
  return { harness, host };
}

function readEvents(url: string, count: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/events`, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if ((text.match(/^event: /gm) ?? []).length >= count) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', reject);
  });
}

describe('the HTTP transport', () => {
  it('sets the session in an HttpOnly, SameSite=Strict cookie and clears it on logout', async () => {
    const { host: h } = await start();
    const call = rpcClient(h.url);
    await call('setup.init', SETUP_INPUT);
    const login = await fetch(`${h.url}/rpc/session.login`, { method: 'POST', body: JSON.stringify({ username: '0000', password: SETUP_INPUT.adminPassword }) });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tt_session=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    const body = (await login.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
    const current = await fetch(`${h.url}/rpc/session.current`, { method: 'POST', body: '{}', headers: { Cookie: cookie.split(';')[0]! } });
    expect(await current.json()).toMatchObject({ ok: true, value: { userId: '0000' } });
    const logout = await fetch(`${h.url}/rpc/session.logout`, { method: 'POST', body: '{}', headers: { Cookie: cookie.split(';')[0]! } });
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('answers unknown channels with 404, bad JSON with 400 and GET on a call with 405', async () => {
    const { host: h } = await start();
    expect((await fetch(`${h.url}/rpc/nothing.here`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${h.url}/rpc/setup.status`, { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await fetch(`${h.url}/rpc/setup.status`)).status).toBe(405);
  });

  it('streams typed push events to every subscriber', async () => {
    const { harness: hs, host: h } = await start();
    const received = readEvents(h.url, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    hs.core.events.publish('printer.status', { state: 'paper-out', message: 'The printer is out of paper.' });
    const text = await received;
    expect(text).toContain('event: printer.status');
    expect(text).toContain('"state":"paper-out"');
    expect(() => hs.core.events.publish('printer.status', { state: 'on fire', message: 'x' } as never)).toThrow();
  });

  it('sends a strict Content-Security-Policy with every page', async () => {
    const { host: h } = await start();
    const response = await fetch(`${h.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
