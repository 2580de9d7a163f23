import fs from 'node:fs';
import { startCore, type Core } from '../../electron/services/core';
import type { CallerContext } from '../../electron/services/handler-types';
import { APP_ROOT, makeDataDir, testEnv } from './host-process';

/** A core on a temporary data folder, called like a transport would, with a session per caller. */
export interface CoreHarness {
  core: Core;
  dataDir: string;
  caller(): CallerContext & { call<T = unknown>(channel: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> };
  close(): void;
}

export const SETUP_INPUT = {
  companyName: 'Demo Power Co.',
  stationCode: 'ST01',
  stationName: 'Main Street',
  districtName: 'Central',
  defaultCurrency: 'USD',
  adminUserId: '0000',
  adminName: 'Raymond',
  adminPassword: 'Admin#2026x',
  vendPassword: 'Vend#2026xy',
  loadDemo: true,
};

export async function startCoreHarness(options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CoreHarness> {
  const dataDir = options.dataDir ?? makeDataDir();
  const started = await startCore({ dataDir, appRoot: APP_ROOT, program: 'test', env: testEnv(dataDir, options.env) });
  if (!started.ok) throw new Error(`core did not start: ${started.problem.message}`);
  const core = started.core;
  return {
    core,
    dataDir,
    caller() {
      let token: string | null = null;
      const ctx = {
        transport: 'test' as const,
        get sessionToken() {
          return token;
        },
        setSessionToken(next: string | null) {
          token = next;
        },
        async call<T>(channel: string, input: unknown = {}) {
          return (await core.dispatch(channel, input, ctx)) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
        },
      };
      return ctx;
    },
    close() {
      core.close();
    },
  };
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
