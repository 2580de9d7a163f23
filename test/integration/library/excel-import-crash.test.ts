import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/data-dir';
import { writeSheet } from '../../../electron/services/library/excel/workbook';
import { luhnCheckDigit } from '../../../shared/library/meter-number';
import { removeDir, SETUP_INPUT, startCoreHarness } from '../../support/core-harness';
import { APP_ROOT, testEnv } from '../../support/host-process';

/**
 * All or nothing under a crash (reliability.md R20): a child process imports a 5,000-meter workbook and is killed with
 * SIGKILL while the import's write transaction is open; the database then holds 0 or 5,000 of the file's meters,
 * never a part, and passes its integrity check. A second run without the kill imports all 5,000.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

function meterNo(i: number): string {
  const payload = `58${String(80_000_000 + i).padStart(8, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

function run(dataDir: string, file: string, killInCommit: boolean): Promise<{ killed: boolean; sawCommit: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'test', 'support', 'excel-import-child.ts'), dataDir, APP_ROOT, SETUP_INPUT.adminUserId, SETUP_INPUT.adminPassword, file], {
      env: testEnv(dataDir),
      cwd: APP_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sawCommit = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sawCommit && stdout.includes('COMMIT ')) {
        sawCommit = true;
        if (killInCommit) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ killed: signal === 'SIGKILL', sawCommit, stdout, stderr });
    });
  });
}

describe('meters.import under kill -9 (L3)', () => {
  it('leaves 0 or 5,000 of the file\'s meters when killed inside the commit, and 5,000 after a clean run', async () => {
    const h = await startCoreHarness();
    dirs.push(h.dataDir);
    await h.caller().call('setup.init', SETUP_INPUT);
    const admin = h.caller();
    await admin.call('session.login', { username: SETUP_INPUT.adminUserId, password: SETUP_INPUT.adminPassword });
    const profile = ((await admin.call('profiles.list', {})) as { ok: true; value: Array<{ id: string; name: string }> }).value.find((p) => p.id === 'm58-integrated-single-phase-electricity');
    h.close();
    const rows = Array.from({ length: 5000 }, (_, i) => [meterNo(i), 'Electricity Meter', profile?.name ?? '', '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02']);
    const { buffer } = await writeSheet({ sheetName: 'meters', header: ['Id', 'Type', 'Model', 'SGC', 'TI', 'KRN', 'Key type', 'Algorithm', 'Base date', 'Key derivation'], rows });
    const file = path.join(h.dataDir, 'meters.xlsx');
    fs.writeFileSync(file, buffer);
    const imported = () => {
      const db = new Database(path.join(h.dataDir, DATABASE_FILE), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        return db.prepare("SELECT count(*) FROM meters WHERE meter_no LIKE '588%'").pluck().get() as number;
      } finally {
        db.close();
      }
    };

    const crashed = await run(h.dataDir, file, true);
    expect(crashed.stderr).toBe('');
    expect(crashed.sawCommit).toBe(true);
    expect(crashed.killed).toBe(true);
    expect(crashed.stdout).not.toContain('DONE');
    expect([0, 5000]).toContain(imported());
    expect(imported()).toBe(0); // killed inside the open transaction: nothing of it survives

    const clean = await run(h.dataDir, file, false);
    expect(clean.stdout).toContain('DONE {"saved":true}');
    expect(imported()).toBe(5000);
  }, 240_000);
});
