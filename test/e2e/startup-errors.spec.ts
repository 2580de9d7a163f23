import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { makeDataDir, startHost, type HostProcess } from '../support/host-process';
import { makeUnwritableDir } from '../support/unwritable-dir';

/** Each start-up refusal shows the start-up error screen naming its cause, instead of a blank window. */
let host: HostProcess | null = null;
const cleanups: (() => void)[] = [];
test.afterEach(async () => {
  await host?.stop('SIGKILL');
  host = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshDir(): string {
  const dir = makeDataDir('tokentill-e2e-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('an unreadable database file', async ({ page }) => {
  const dataDir = freshDir();
  fs.writeFileSync(path.join(dataDir, 'tokentill.db'), 'not a database '.repeat(500));
  host = await startHost({ dataDir });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'TokenTill cannot start' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('cannot be read');
  await expect(page.getByRole('alert')).toContainText('DATABASE_UNREADABLE');
});

test('a database written by a newer TokenTill', async ({ page }) => {
  const dataDir = freshDir();
  const first = await startHost({ dataDir });
  await first.stop('SIGTERM');
  const db = new Database(path.join(dataDir, 'tokentill.db'));
  db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now() + 10 ** 10);
  db.close();
  host = await startHost({ dataDir });
  await page.goto(host.url);
  await expect(page.getByRole('alert')).toContainText('written by a newer version of TokenTill');
  await expect(page.getByRole('alert')).toContainText('SCHEMA_NEWER');
});

test('a data folder that is not writable', async ({ page }) => {
  const { dir, restore } = makeUnwritableDir(freshDir());
  cleanups.unshift(restore);
  host = await startHost({ dataDir: dir });
  await page.goto(host.url);
  await expect(page.getByRole('alert')).toContainText('is not writable');
  await expect(page.getByRole('alert')).toContainText('DATA_FOLDER_NOT_WRITABLE');
});
