import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/data-dir';
import { setUpCopies, withDatabaseFile } from '../../support/set-up-copies';
import { runCli } from '../../support/cli-init';
import { makeDataDir } from '../../support/host-process';

/**
 * `npm run cli -- db check` as support would run it: OK on a sound database; a row pointing at a missing row and a
 * damaged index page are each named, exit 1, with what to do.
 */
const setUp = setUpCopies('tokentill-cli-db-check-');
const copyOfSetUp = () => setUp.copy();
const withDb = withDatabaseFile;

describe('npm run cli -- db check', () => {
  it('says OK with the size of a sound database', () => {
    const run = runCli(['db', 'check'], { dataDir: copyOfSetUp() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^Database OK: \d+ pages, \d+\.\d MB\.$/);
  });

  it('names a row that points at a missing row', () => {
    const dir = copyOfSetUp();
    // a write outside the app, with the references off: a customer its accounts still point at is deleted
    withDb(dir, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare("DELETE FROM customers WHERE customer_no = '0001'").run();
    });
    const run = runCli(['db', 'check'], { dataDir: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Database DAMAGED: \d+ problems? found:/);
    expect(run.stderr).toMatch(/a row of \w+ \(rowid \d+\) points at a missing row of customers/);
    expect(run.stderr).toContain(`restore the latest copy from ${path.join(dir, 'backups')}`);
  });

  it('names a damaged index page', () => {
    const dir = copyOfSetUp();
    const file = path.join(dir, DATABASE_FILE);
    const { page, pageSize } = withDb(dir, (db) => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const index = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meters' AND sql IS NOT NULL").pluck().get() as string;
      return {
        page: db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index) as number,
        pageSize: db.pragma('page_size', { simple: true }) as number,
      };
    });
    // scramble the end of the index's root page, where its cells (the keys) are: they no longer match the table
    const bytes = fs.readFileSync(file);
    const end = page * pageSize;
    for (let i = end - pageSize / 4; i < end; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    fs.writeFileSync(file, bytes);
    const run = runCli(['db', 'check'], { dataDir: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Database DAMAGED: \d+ problems? found:\n {2}\S/);
    expect(run.stderr).toContain('Stop selling on this terminal');
  });

  it('is listed in help', () => {
    expect(runCli(['help'], { dataDir: makeDataDir() }).stdout).toContain('db check');
  });
});
