import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder-lock';
import { BACKUP_DIR, DATABASE_FILE } from './data-dir';
import { migrationState } from './migration-state';
import * as schema from './schema';

/**
 * Opens the terminal's database the one way the product allows: single writer, WAL with synchronous=FULL (a sale
 * that was shown survives a power cut; better-sqlite3 defaults to NORMAL under WAL), foreign keys on, a busy
 * timeout, a backup before any migration, then the migrations. Each way this can fail is a named start-up problem
 * with a sentence for the person at the kiosk, shown on the start-up error screen.
 */
export type StartupProblemCode =
  | 'DATA_FOLDER_NOT_WRITABLE'
  | 'DATA_FOLDER_LOCKED'
  | 'DATABASE_UNREADABLE'
  | 'SCHEMA_NEWER'
  | 'MIGRATIONS_MISSING'
  | 'PRAGMAS_REFUSED'
  | 'MIGRATION_FAILED';

export interface StartupProblem {
  readonly code: StartupProblemCode;
  readonly message: string;
}

export type AppDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  readonly sqlite: Database.Database;
  readonly db: AppDatabase;
  readonly dataDir: string;
  readonly file: string;
  /** Path of the backup taken before migrating, when one was needed. */
  readonly backupFile: string | null;
  close(): void;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  migrationsFolder: string;
  /** Who holds the data-folder lock, for the message a second program gets. */
  program: string;
  now?: () => Date;
}

export type OpenDatabaseResult = { ok: true; value: OpenedDatabase } | { ok: false; problem: StartupProblem };

function problem(code: StartupProblemCode, message: string): OpenDatabaseResult {
  return { ok: false, problem: { code, message } };
}

function checkWritable(dataDir: string): string | null {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

/** Sets and then reads back the pragmas the product depends on; returns the first one that did not take. */
export function applyPragmas(sqlite: Database.Database): string | null {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const journal = sqlite.pragma('journal_mode', { simple: true });
  if (journal !== 'wal') return `journal_mode is ${String(journal)}, not wal`;
  const sync = sqlite.pragma('synchronous', { simple: true });
  if (sync !== 2) return `synchronous is ${String(sync)}, not FULL (2)`;
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) return 'foreign_keys is off';
  return null;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabaseResult> {
  const now = options.now ?? (() => new Date());
  const { dataDir } = options;
  const writeProblem = checkWritable(dataDir);
  if (writeProblem !== null) {
    return problem(
      'DATA_FOLDER_NOT_WRITABLE',
      `The data folder ${dataDir} is not writable (${writeProblem}). ` +
        'Give this Windows/Linux user write access to it, or set TOKENTILL_DATA_DIR to a folder it can write.',
    );
  }
  const locked = acquireDataFolderLock(dataDir, options.program);
  if (!locked.ok) return problem('DATA_FOLDER_LOCKED', locked.message);
  const lock: DataFolderLock = locked.lock;

  const file = path.join(dataDir, DATABASE_FILE);
  let sqlite: Database.Database | null = null;
  const fail = (code: StartupProblemCode, message: string): OpenDatabaseResult => {
    sqlite?.close();
    lock.release();
    return problem(code, message);
  };
  try {
    sqlite = new Database(file);
    const pragmaProblem = applyPragmas(sqlite);
    if (pragmaProblem !== null) {
      return fail('PRAGMAS_REFUSED', `The database refused a required setting (${pragmaProblem}); vending cannot be made safe.`);
    }
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    return fail(
      'DATABASE_UNREADABLE',
      `The database file ${file} cannot be read (${(error as Error).message}). ` +
        `Restore the latest copy from ${path.join(dataDir, BACKUP_DIR)} or move the file aside to start afresh.`,
    );
  }

  const state = migrationState(sqlite, options.migrationsFolder);
  if (state.kind === 'missing-folder') {
    return fail(
      'MIGRATIONS_MISSING',
      `The database migrations are missing from this installation (${state.folder}). Reinstall TokenTill.`,
    );
  }
  if (state.kind === 'newer-database') {
    return fail(
      'SCHEMA_NEWER',
      `The database in ${dataDir} was written by a newer version of TokenTill. ` +
        'Install that version (or newer) to open it; this version will not touch it.',
    );
  }

  let backupFile: string | null = null;
  if (state.pending.length > 0 && state.applied > 0) {
    const backupDir = path.join(dataDir, BACKUP_DIR);
    fs.mkdirSync(backupDir, { recursive: true });
    backupFile = path.join(backupDir, `before-${state.pending[0]?.tag ?? 'migration'}-${stamp(now())}.db`);
    try {
      await sqlite.backup(backupFile);
    } catch (error) {
      return fail('MIGRATION_FAILED', `The backup before updating the database failed (${(error as Error).message}); nothing was changed.`);
    }
  }

  const db = drizzle(sqlite, { schema });
  if (state.pending.length > 0) {
    try {
      migrate(db, { migrationsFolder: options.migrationsFolder });
    } catch (error) {
      return fail(
        'MIGRATION_FAILED',
        `Updating the database failed (${(error as Error).message}). ` +
          (backupFile ? `A copy taken just before is at ${backupFile}.` : 'The database was empty.'),
      );
    }
  }

  const opened = sqlite;
  return {
    ok: true,
    value: {
      sqlite: opened,
      db,
      dataDir,
      file,
      backupFile,
      close: () => {
        if (opened.open) opened.close();
        lock.release();
      },
    },
  };
}

/** Opens an in-memory database with the same pragmas (minus WAL) and migrations, for repository tests. */
export function openMemoryDatabase(migrationsFolder: string): { sqlite: Database.Database; db: AppDatabase } {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { sqlite, db };
}

/** Runs `work` inside one BEGIN IMMEDIATE transaction (the write lock is taken up front; see reliability.md). */
export function writeTransaction<T>(sqlite: Database.Database, work: () => T): T {
  return sqlite.transaction(work).immediate();
}
