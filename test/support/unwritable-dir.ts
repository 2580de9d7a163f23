import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function canWrite(dir: string): boolean {
  try {
    const probe = path.join(dir, '.probe');
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a folder that the test process cannot write. chmod is enough for an ordinary user; root ignores modes, so
 * for root the folder is made immutable with chattr (ext4 and most Linux filesystems). Returns a cleanup function.
 */
export function makeUnwritableDir(parent: string): { dir: string; restore(): void } {
  const dir = path.join(parent, 'read-only-data');
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o500);
  if (!canWrite(dir)) return { dir, restore: () => fs.chmodSync(dir, 0o700) };
  execFileSync('chattr', ['+i', dir]);
  if (canWrite(dir)) throw new Error(`could not make ${dir} unwritable for this user`);
  return {
    dir,
    restore: () => {
      execFileSync('chattr', ['-i', dir]);
      fs.chmodSync(dir, 0o700);
    },
  };
}
