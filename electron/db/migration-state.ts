import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** The journal drizzle-kit writes next to the migrations: one entry per migration, `when` in epoch milliseconds. */
interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export type MigrationState =
  | { kind: 'missing-folder'; folder: string }
  | { kind: 'newer-database'; appliedLatest: number; appLatest: number }
  | { kind: 'ready'; pending: JournalEntry[]; applied: number };

export function readJournal(folder: string): JournalEntry[] | null {
  const file = path.join(folder, 'meta', '_journal.json');
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: JournalEntry[] };
  return parsed.entries ?? [];
}

/**
 * Compares the migrations this build ships with those already applied to the database. A database that has a
 * migration later than any this build knows was written by a newer TokenTill: opening it would risk damage.
 */
export function migrationState(sqlite: Database.Database, folder: string): MigrationState {
  const journal = readJournal(folder);
  if (journal === null) return { kind: 'missing-folder', folder };
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  const appliedTimes = hasTable
    ? (sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as { createdAt: number }[]).map(
        (row) => Number(row.createdAt),
      )
    : [];
  const appLatest = journal.reduce((max, entry) => Math.max(max, entry.when), 0);
  const appliedLatest = appliedTimes.reduce((max, when) => Math.max(max, when), 0);
  if (appliedLatest > appLatest) return { kind: 'newer-database', appliedLatest, appLatest };
  const pending = journal.filter((entry) => entry.when > appliedLatest);
  return { kind: 'ready', pending, applied: appliedTimes.length };
}
