// Tries to fetch the Electron runtime after `npm ci`, within a hard 20-second limit, and reports in one line.
// Electron's own postinstall is disabled in package.json (allowScripts) because it fails the whole install on
// machines that cannot reach its download host; here a failure is reported and the install goes on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const LIMIT_MS = 20_000;
const require = createRequire(import.meta.url);

function report(line) {
  process.stdout.write(`tokentill: ${line}\n`);
}

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const dir = electronDir();
if (!dir) {
  report('Electron is not installed (production install); the app runs in browser mode.');
  process.exit(0);
}
if (existsSync(path.join(dir, 'path.txt'))) {
  report('Electron runtime already present; `npm start` opens the desktop app.');
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  report('Electron runtime download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm start` will use browser mode.');
  process.exit(0);
}

const child = spawn(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => {
  stderr += chunk.toString();
});
const timer = setTimeout(() => {
  child.kill('SIGKILL');
  report(`Electron runtime not downloaded (no answer within ${LIMIT_MS / 1000} s); \`npm start\` will use browser mode.`);
  process.exit(0);
}, LIMIT_MS);
child.on('exit', (code) => {
  clearTimeout(timer);
  if (code === 0 && existsSync(path.join(dir, 'path.txt'))) {
    report('Electron runtime downloaded; `npm start` opens the desktop app.');
  } else {
    const reason = (stderr.match(/(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET)[^\n]*/) ?? [])[0] ?? `exit code ${code}`;
    report(`Electron runtime not downloaded (${reason.trim().slice(0, 120)}); \`npm start\` will use browser mode.`);
  }
  process.exit(0);
});
