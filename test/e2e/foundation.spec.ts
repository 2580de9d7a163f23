import { CHANNELS } from '../../shared/ipc/contract';
import { expect, test } from './fixtures';

test('the app page loads from the browser-mode host', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a request from a foreign origin is refused with 403 before any handler runs; the own origin is not', async ({ page, host }) => {
  await page.goto(host.url);
  const own = await page.evaluate(async () => {
    const response = await fetch('/rpc/setup.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: response.status, body: (await response.json()) as { ok: boolean } };
  });
  expect(own.status).toBe(200);
  expect(own.body.ok).toBe(true);

  const foreign = await fetch(`${host.url}/rpc/setup.status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_REFUSED');
});

test('/api/openapi.json lists every channel', async ({ request, host }) => {
  const response = await request.get(`${host.url}/api/openapi.json`);
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe('3.1.0');
  for (const channel of CHANNELS) expect(Object.keys(document.paths)).toContain(`/rpc/${channel}`);
});
