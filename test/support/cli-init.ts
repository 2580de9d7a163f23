import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT, makeDataDir, testEnv } from './host-process';

/**
 * Runs the command line (`npm run cli -- ...`) the way an installer script does, as its own process with tsx's
 * loader, and a `cli init` fixture on top: e2e tests start from a data folder set up this way instead of going
 * through the setup screen each time.
 */
export const FIXTURE_ADMIN = { userId: '0000', name: 'Raymond', password: 'Admin#2026x', vendPassword: 'Vend#2026xy' } as const;
export const FIXTURE_COMPANY = 'Demo Power Co.';
export const FIXTURE_STATION = { code: 'ST01', name: 'Main Street' } as const;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { dataDir: string; env?: NodeJS.ProcessEnv }): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'electron', 'cli', 'main.ts'), ...args], {
    cwd: APP_ROOT,
    env: testEnv(options.dataDir, options.env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function fixtureInitArgs(options: { demo?: boolean; extra?: readonly string[] } = {}): string[] {
  return [
    'init',
    '--company', FIXTURE_COMPANY,
    '--station', FIXTURE_STATION.code,
    '--station-name', FIXTURE_STATION.name,
    '--district', 'Central',
    '--admin-user', FIXTURE_ADMIN.userId,
    '--admin-name', FIXTURE_ADMIN.name,
    '--admin-password', FIXTURE_ADMIN.password,
    '--vend-password', FIXTURE_ADMIN.vendPassword,
    ...(options.demo === false ? [] : ['--demo']),
    ...(options.extra ?? []),
  ];
}

/** Sets up a data folder (a fresh one unless given) with `cli init`; throws with the CLI's output if it fails. */
export function cliInitDataDir(options: { dataDir?: string; demo?: boolean; extra?: readonly string[] } = {}): string {
  const dataDir = options.dataDir ?? makeDataDir();
  const run = runCli(fixtureInitArgs(options), { dataDir });
  if (run.status !== 0) throw new Error(`cli init failed (exit ${String(run.status)}):\n${run.stdout}${run.stderr}`);
  return dataDir;
}
