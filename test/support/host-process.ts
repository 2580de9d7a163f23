import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the browser-mode host (`electron/host/serve.ts`) as a child process with its own data folder, the way a
 * user's `npm run serve` does, and waits for the address line. Tests can kill it (SIGKILL for crash tests) and
 * start it again on the same folder.
 */
export const APP_ROOT = path.resolve(__dirname, '..', '..');

export interface HostProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const TEST_KEY_PASSPHRASE = 'test-key-store-passphrase';

export function testEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    TOKENTILL_TEST_FAST_HASH: '1',
    TOKENTILL_DATA_DIR: dataDir,
    TOKENTILL_PORT: '0',
    TOKENTILL_KEY_PASSPHRASE: TEST_KEY_PASSPHRASE,
    ...extra,
  };
}

export function makeDataDir(prefix = 'tokentill-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHost(options: { dataDir?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? makeDataDir();
  // node with tsx's loader (not the tsx CLI, which runs the script in a grandchild): a kill reaches the host itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'electron', 'host', 'serve.ts')], {
    cwd: APP_ROOT,
    env: testEnv(dataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within ${options.timeoutMs ?? 20000} ms:\n${output}`)), options.timeoutMs ?? 20_000);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Calls a channel the way the renderer does, keeping the session cookie between calls. */
export function rpcClient(url: string) {
  let cookie: string | null = null;
  return async function call<T = unknown>(channel: string, input: unknown = {}, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers },
      body: JSON.stringify(input),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? null;
    return { status: response.status, body: (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } } };
  };
}
