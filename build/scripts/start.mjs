// `npm start`: the desktop app when the Electron runtime is installed; otherwise one line saying so, then browser
// mode (the same app at http://127.0.0.1:PORT).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const child = spawn(npm, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const runtime = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (runtime && existsSync(runtime)) {
  const built = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(runtime, [path.join(root, 'dist-electron', 'electron', 'main', 'index.js')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write('tokentill: the Electron runtime is not installed on this machine; starting browser mode instead.\n');
  run(['run', '--silent', 'serve']);
}
