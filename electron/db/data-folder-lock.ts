import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from './data-dir';

/**
 * One writer per data folder: a second `serve`, `start` or `cli` on the same folder is refused. The lock file holds
 * the owner's pid and host; a lock left by a process that no longer runs (kill -9, power cut) is taken over.
 */
export interface DataFolderLock {
  readonly file: string;
  release(): void;
}

export type LockResult = { ok: true; lock: DataFolderLock } | { ok: false; message: string };

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  program: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as LockOwner).pid === 'number') {
      return parsed as LockOwner;
    }
    return null;
  } catch {
    return null;
  }
}

export function acquireDataFolderLock(dataDir: string, program: string): LockResult {
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), program };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
      return {
        ok: true,
        lock: {
          file,
          release: () => {
            const current = readOwner(file);
            if (current?.pid === process.pid) fs.rmSync(file, { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, message: `The data folder ${dataDir} cannot be locked (${(error as Error).message}).` };
      }
      const existing = readOwner(file);
      const stale = existing === null || (existing.host === os.hostname() && !processIsAlive(existing.pid));
      if (!stale) {
        return {
          ok: false,
          message:
            `The data folder ${dataDir} is in use by another TokenTill (${existing.program}, pid ${existing.pid}). ` +
            'Close that one first, or start this one with another TOKENTILL_DATA_DIR.',
        };
      }
      fs.rmSync(file, { force: true });
    }
  }
  return { ok: false, message: `The data folder ${dataDir} could not be locked. Try again.` };
}
