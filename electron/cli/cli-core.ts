import { parseArgs } from 'node:util';
import { defaultDataDir } from '../db/data-dir';
import { startCore, type Core } from '../services/core';
import { createLogger } from '../services/logger';
import { EXIT, type CliIo } from './cli-command';

/**
 * Opens this terminal's core for a local command (`user unlock`, `audit verify`): the same startCore as the app, so
 * the same migrations and the same data-folder lock (a command refuses while the app has the folder open, and says
 * so). Runs `work`, then closes the core whatever happened.
 */
export async function withLocalCore<T>(
  io: CliIo,
  options: { dataDir: string | null; program: string },
  work: (core: Core, dataDir: string) => Promise<T> | T,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const dataDir = options.dataDir ?? defaultDataDir(io.platform, io.env, io.homeDir);
  const started = await startCore({ dataDir, appRoot: io.appRoot, program: options.program, env: io.env, logger: createLogger(dataDir, { quiet: true }) });
  if (!started.ok) return { ok: false, message: started.problem.message };
  try {
    return { ok: true, value: await work(started.core, dataDir) };
  } finally {
    started.core.close();
  }
}

/**
 * The options of a local command that takes nothing but `--data-dir DIR` (`audit verify`, `db check`): the folder
 * (null: TOKENTILL_DATA_DIR or this OS's default), or the usage exit with one line naming what was wrong.
 */
export function dataDirOption(args: readonly string[], io: CliIo): { ok: true; dataDir: string | null } | { ok: false; exit: typeof EXIT.usage } {
  try {
    const parsed = parseArgs({ args: [...args], options: { 'data-dir': { type: 'string' } }, allowPositionals: false, strict: true });
    return { ok: true, dataDir: parsed.values['data-dir'] ?? null };
  } catch (error) {
    io.stderr(`${(error as Error).message.split('\n')[0] ?? 'The options could not be read'}. Run \`npm run cli -- help\` for the options.`);
    return { ok: false, exit: EXIT.usage };
  }
}
