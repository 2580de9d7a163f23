import type Database from 'better-sqlite3';

/**
 * The maintenance check of the database file (F1): SQLite's full `integrity_check` (every page, index and
 * constraint; it reads the whole file, so it is a command a supervisor or support runs, not part of start-up) and
 * `foreign_key_check` (rows pointing at rows that are not there, which only a write outside the app can leave).
 * Reads only.
 */
export type DatabaseCheck =
  | { ok: true; pages: number; bytes: number }
  | { ok: false; problems: string[] };

/** At most this many integrity problems are listed: the first ones say where to look. */
const MAX_PROBLEMS = 20;

/** SQLite's own "this file is damaged" errors: an answer of the check, not a failure of it. */
export function isDamageError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function checkDatabase(sqlite: Database.Database): DatabaseCheck {
  try {
    return runChecks(sqlite);
  } catch (error) {
    // damage bad enough that SQLite stops reading is the check's answer too
    if (isDamageError(error)) return { ok: false, problems: [`SQLite stopped reading: ${error.message}`] };
    throw error;
  }
}

function runChecks(sqlite: Database.Database): DatabaseCheck {
  const integrity = (sqlite.pragma(`integrity_check(${MAX_PROBLEMS})`) as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
  const problems = integrity.filter((line) => line !== 'ok');
  const orphans = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  for (const orphan of orphans.slice(0, MAX_PROBLEMS)) {
    problems.push(`a row of ${orphan.table} (rowid ${orphan.rowid ?? '?'}) points at a missing row of ${orphan.parent}`);
  }
  if (orphans.length > MAX_PROBLEMS) problems.push(`and ${orphans.length - MAX_PROBLEMS} more rows pointing at missing rows`);
  if (problems.length > 0) return { ok: false, problems };
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  return { ok: true, pages, bytes: pages * pageSize };
}
