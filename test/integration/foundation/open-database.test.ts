import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open-database';
import { migrationsFolder } from '../../../electron/db/paths';
import { APP_ROOT, makeDataDir } from '../../support/host-process';
import { makeUnwritableDir } from '../../support/unwritable-dir';

const folder = migrationsFolder(APP_ROOT);
const dirs: string[] = [];
const fresh = () => {
  const dir = makeDataDir('tokentill-db-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase on a real file', () => {
  it('applies the migrations with WAL, synchronous=FULL and foreign keys, and reopens without changes', async () => {
    const dataDir = fresh();
    const first = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    if (!first.ok) throw new Error(first.problem.message);
    const { sqlite } = first.value;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'users', 'roles', 'settings', 'outbox', 'outbox_dead', 'key_store', 'stations']));
    expect(first.value.backupFile).toBeNull();
    first.value.close();

    const second = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    if (!second.ok) throw new Error(second.problem.message);
    expect(second.value.backupFile).toBeNull();
    second.value.close();
  });

  it('takes a backup before applying a pending migration to an existing database', async () => {
    const dataDir = fresh();
    const first = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    if (!first.ok) throw new Error(first.problem.message);
    first.value.sqlite.prepare("INSERT INTO app_state (key, value_json, updated_at) VALUES ('marker', '1', 'now')").run();
    first.value.close();

    const extended = path.join(fresh(), 'migrations');
    fs.cpSync(folder, extended, { recursive: true });
    const journalFile = path.join(extended, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(extended, '9999_test_extra.sql'), 'CREATE TABLE `test_extra` (`id` integer PRIMARY KEY);');

    const second = await openDatabase({ dataDir, migrationsFolder: extended, program: 'test' });
    if (!second.ok) throw new Error(second.problem.message);
    expect(second.value.backupFile).toMatch(/before-9999_test_extra/);
    const backup = new Database(second.value.backupFile!, { readonly: true });
    expect(backup.prepare("SELECT value_json AS v FROM app_state WHERE key = 'marker'").get()).toEqual({ v: '1' });
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'test_extra'").get()).toBeUndefined();
    backup.close();
    expect(second.value.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'test_extra'").get()).toEqual({ name: 'test_extra' });
    second.value.close();
  });
});

describe('start-up refusals', () => {
  it('refuses a file that is not a database, naming the file and the backups', async () => {
    const dataDir = fresh();
    fs.writeFileSync(path.join(dataDir, 'tokentill.db'), 'this is not sqlite '.repeat(200));
    const result = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('DATABASE_UNREADABLE');
      expect(result.problem.message).toContain('tokentill.db');
      expect(result.problem.message).toContain('backups');
    }
  });

  it('refuses a database written by a newer TokenTill and leaves it untouched', async () => {
    const dataDir = fresh();
    const first = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    if (!first.ok) throw new Error(first.problem.message);
    first.value.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 10);
    first.value.close();
    const before = fs.readFileSync(path.join(dataDir, 'tokentill.db'));
    const result = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('SCHEMA_NEWER');
    expect(fs.readFileSync(path.join(dataDir, 'tokentill.db')).equals(before)).toBe(true);
  });

  it('refuses a data folder it cannot write', async () => {
    const { dir, restore } = makeUnwritableDir(fresh());
    try {
      const result = await openDatabase({ dataDir: dir, migrationsFolder: folder, program: 'test' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.code).toBe('DATA_FOLDER_NOT_WRITABLE');
        expect(result.problem.message).toContain(dir);
      }
    } finally {
      restore();
    }
  });

  it('refuses when the migrations are missing from the installation', async () => {
    const result = await openDatabase({ dataDir: fresh(), migrationsFolder: path.join(fresh(), 'nowhere'), program: 'test' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('MIGRATIONS_MISSING');
  });
});

describe('the data-folder lock', () => {
  it('refuses a second program on the same folder and frees it on close', async () => {
    const dataDir = fresh();
    const first = await openDatabase({ dataDir, migrationsFolder: folder, program: 'first program' });
    if (!first.ok) throw new Error(first.problem.message);
    const second = await openDatabase({ dataDir, migrationsFolder: folder, program: 'second program' });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.problem.code).toBe('DATA_FOLDER_LOCKED');
      expect(second.problem.message).toContain('first program');
    }
    first.value.close();
    const third = await openDatabase({ dataDir, migrationsFolder: folder, program: 'third program' });
    expect(third.ok).toBe(true);
    if (third.ok) third.value.close();
  });

  it('takes over a lock left by a process that no longer runs (kill -9)', async () => {
    const dataDir = fresh();
    fs.writeFileSync(path.join(dataDir, 'tokentill.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: 'x', program: 'dead' }));
    const result = await openDatabase({ dataDir, migrationsFolder: folder, program: 'test' });
    expect(result.ok).toBe(true);
    if (result.ok) result.value.close();
  });
});
