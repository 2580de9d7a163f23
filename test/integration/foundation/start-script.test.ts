import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, makeDataDir, testEnv } from '../../support/host-process';

const electronRuntimePresent = fs.existsSync(path.join(APP_ROOT, 'node_modules', 'electron', 'path.txt'));

describe('npm start', () => {
  it.skipIf(electronRuntimePresent)('says in one line that there is no Electron runtime, then serves browser mode', async () => {
    const dataDir = makeDataDir();
    const child = spawn('npm', ['start'], { cwd: APP_ROOT, env: testEnv(dataDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 60 s:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /TokenTill browser mode: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const notices = output.split('\n').filter((line) => line.includes('Electron runtime is not installed'));
      expect(notices).toHaveLength(1);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
