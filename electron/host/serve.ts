import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../db/data-dir';
import { startCore } from '../services/core';
import { createLogger } from '../services/logger';
import { startHttpHost, type HostMode } from './http-host';

/**
 * Browser-mode composition root (`npm run serve`): the same core as the desktop app, served on 127.0.0.1.
 * Environment: TOKENTILL_DATA_DIR (data folder), TOKENTILL_PORT (default 4310; 0 = any free port),
 * TOKENTILL_KEY_PASSPHRASE (unlocks the key store). Prints the address on one line.
 */
const appRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = defaultDataDir(process.platform, env, os.homedir());
  const port = env.TOKENTILL_PORT === undefined ? 4310 : Number.parseInt(env.TOKENTILL_PORT, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`TOKENTILL_PORT must be a port number (0-65535), not "${env.TOKENTILL_PORT}".\n`);
    process.exit(2);
  }
  const started = await startCore({ dataDir, appRoot, program: 'browser-mode host (npm run serve)', env });
  const logger = started.ok ? started.core.logger : createLogger(null);
  const mode: HostMode = started.ok
    ? { kind: 'running', dispatch: started.core.dispatch, events: started.core.events }
    : { kind: 'startup-failed', problem: started.problem };
  const version = (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const host = await startHttpHost({ mode, staticDir: path.join(appRoot, 'dist', 'renderer'), port, version, logger });
  if (!started.ok) process.stderr.write(`TokenTill cannot start: ${started.problem.message}\n`);
  process.stdout.write(`TokenTill browser mode: ${host.url} (data folder ${dataDir})\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => {
      if (started.ok) started.core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`TokenTill browser mode failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
