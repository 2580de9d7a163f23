import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { DATABASE_FILE } from '../../electron/db/data-dir';
import { cliInitDataDir } from './cli-init';
import { makeDataDir } from './host-process';

/**
 * For tests of the local commands that tamper with a database: one demo data folder set up once per file (`init
 * --demo`, as an installer would), a fresh copy of it for each case, and the copies removed after the file.
 * Call at the top level of a test file.
 */
export function setUpCopies(prefix: string): { copy(): string } {
  let setUp = '';
  const dirs: string[] = [];
  beforeAll(() => {
    setUp = cliInitDataDir({ demo: true });
    dirs.push(setUp);
  });
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    copy() {
      const dir = makeDataDir(prefix);
      fs.cpSync(setUp, dir, { recursive: true });
      dirs.push(dir);
      return dir;
    },
  };
}

/** Opens a data folder's database file directly (as a write outside the app would), runs `work`, closes it. */
export function withDatabaseFile<T>(dir: string, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}
