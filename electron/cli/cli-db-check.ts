import path from 'node:path';
import { checkDatabase, isDamageError, type DatabaseCheck } from '../db/database-check';
import { BACKUP_DIR, defaultDataDir } from '../db/data-dir';
import { EXIT, type CliCommand } from './cli-command';
import { dataDirOption, withLocalCore } from './cli-core';

/**
 * `db check`: SQLite's full integrity check and the foreign-key check of this terminal's database. Prints
 * "Database OK: ..." and exits 0, or lists the problems and says what to do, exit 1. Run it with the app closed
 * (the data folder's lock says so otherwise); it only reads.
 */
export const dbCheckCommand: CliCommand = {
  words: ['db', 'check'],
  summary: 'Check the database file (every page, index and reference): OK with its size, or the problems found (exit 1).',
  usage: 'db check [--data-dir DIR (default TOKENTILL_DATA_DIR)]',
  async run(args, io) {
    const options = dataDirOption(args, io);
    if (!options.ok) return options.exit;
    const { dataDir } = options;
    let outcome: { ok: true; value: { check: DatabaseCheck; dir: string } } | { ok: false; message: string };
    try {
      outcome = await withLocalCore(io, { dataDir, program: 'command line (npm run cli -- db check)' }, (core, dir) => ({ check: checkDatabase(core.database.sqlite), dir }));
    } catch (error) {
      // damage that stops the terminal's own start-up reads (before the check ran) is reported the same way
      if (!isDamageError(error)) throw error;
      outcome = { ok: true, value: { check: { ok: false, problems: [`SQLite stopped reading: ${error.message}`] }, dir: dataDir ?? defaultDataDir(io.platform, io.env, io.homeDir) } };
    }
    if (!outcome.ok) {
      io.stderr(outcome.message);
      return EXIT.failed;
    }
    const { check, dir } = outcome.value;
    if (check.ok) {
      io.stdout(`Database OK: ${check.pages} pages, ${(check.bytes / 1024 / 1024).toFixed(1)} MB.`);
      return EXIT.ok;
    }
    io.stderr(`Database DAMAGED: ${check.problems.length} ${check.problems.length === 1 ? 'problem' : 'problems'} found:`);
    for (const problem of check.problems) io.stderr(`  ${problem}`);
    io.stderr(`Stop selling on this terminal, keep the file for support, and restore the latest copy from ${path.join(dir, BACKUP_DIR)} (or let support repair it).`);
    return EXIT.failed;
  },
};
