import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/data-dir';
import { verifyAuditChain } from '../../../electron/services/audit-log';
import { APP_ROOT, makeDataDir, testEnv } from '../../support/host-process';
import { SETUP_INPUT } from '../../support/core-harness';
import { startVendingHarness } from '../../support/vending-harness';

/**
 * Crash safety (reliability.md R1; architecture.md invariant 1). A child process running COMPILED JavaScript (tsc, not
 * tsx) vends in a loop on the real core and prints each sale's tokens after vend.confirm returned them. The test kills
 * it with SIGKILL at random moments, 50 times within about a minute, and after each kill checks on the database: every
 * token the child printed is in `sales` exactly once with its outbox row and audit row, every sale has exactly one of
 * each, receipt numbers have no gaps, TIDs strictly increase per meter and base date, the kit's count matches its
 * last sale, `PRAGMA integrity_check` is ok; at the end the audit hash chain verifies.
 */
const KILLS = 50;
const METERS = ['58000000065', '58000807915', '58009000181', '58000000099'];

let outDir: string;
let childScript: string;
let dataDir: string;
let accountIds: string[] = [];

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-vend-loop-build-'));
  const tsconfig = path.join(outDir, 'tsconfig.json');
  fs.writeFileSync(tsconfig, JSON.stringify({
    extends: path.join(APP_ROOT, 'electron', 'tsconfig.build.json'),
    compilerOptions: { rootDir: APP_ROOT, outDir: path.join(outDir, 'js'), typeRoots: [path.join(APP_ROOT, 'node_modules', '@types')], incremental: false },
    include: [path.join(APP_ROOT, 'test', 'support', 'vend-loop-child.ts'), path.join(APP_ROOT, 'electron', '**', '*.d.ts')],
  }));
  const built = spawnSync(process.execPath, [path.join(APP_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { encoding: 'utf8', timeout: 180_000 });
  if (built.status !== 0) throw new Error(`tsc failed:\n${built.stdout}\n${built.stderr}`);
  childScript = path.join(outDir, 'js', 'test', 'support', 'vend-loop-child.js');
  if (!fs.existsSync(childScript)) throw new Error(`tsc wrote no ${childScript}`);
}, 240_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

type Printed = { saleId: string; tokens: string[] };

/** Starts the compiled writer, lets it vend for `runMs` after it is ready (or kills it during start-up), SIGKILLs it. */
function runAndKill(runMs: number, killDuringStart: boolean): Promise<{ printed: Printed[]; ready: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, APP_ROOT, SETUP_INPUT.adminUserId, SETUP_INPUT.adminPassword, SETUP_INPUT.vendPassword, ...accountIds], {
      env: { ...testEnv(dataDir), NODE_PATH: path.join(APP_ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let ready = false;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!ready && stdout.includes('READY\n')) {
        ready = true;
        if (!killDuringStart) timer = setTimeout(kill, runMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (killDuringStart) timer = setTimeout(kill, runMs);
    const guard = setTimeout(kill, 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`the vend loop ended by itself (code ${String(code)}):\n${stderr}`));
      const printed = stdout
        .split('\n')
        .filter((line) => line.startsWith('SALE '))
        .map((line) => {
          const [, saleId = '', tokens = ''] = line.split(' ');
          return { saleId, tokens: tokens.split(',') };
        });
      resolve({ printed, ready, stderr });
    });
  });
}

/** Every invariant the database must hold after a kill. */
function check(db: Database.Database, printed: readonly Printed[]): { sales: number } {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const tokenRows = db.prepare('SELECT sale_id AS saleId FROM sale_tokens WHERE token = ?');
  for (const sale of printed) {
    for (const token of sale.tokens) {
      const rows = tokenRows.all(token) as Array<{ saleId: string }>;
      expect(rows, `token ${token} of sale ${sale.saleId}`).toEqual([{ saleId: sale.saleId }]);
    }
  }
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const sales = one('SELECT count(*) FROM sales');
  expect(one("SELECT count(*) FROM sales s WHERE (SELECT count(*) FROM outbox o WHERE o.kind = 'sale.created' AND o.idempotency_key = s.id) <> 1")).toBe(0);
  expect(one("SELECT count(*) FROM outbox o WHERE o.kind = 'sale.created' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = o.idempotency_key)")).toBe(0);
  expect(one("SELECT count(*) FROM sales s WHERE (SELECT count(*) FROM audit_log a WHERE a.action = 'vend' AND a.target = s.id) <> 1")).toBe(0);
  expect(one("SELECT count(*) FROM audit_log a WHERE a.action = 'vend' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = a.target)")).toBe(0);
  expect(one('SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_tokens t WHERE t.sale_id = s.id)')).toBe(0);
  expect(one('SELECT coalesce(max(receipt_seq), 0) FROM sales')).toBe(sales);
  const tids = db.prepare('SELECT meter_id AS meterId, base_year AS baseYear, tid FROM sales WHERE tid IS NOT NULL ORDER BY receipt_seq').all() as Array<{ meterId: string; baseYear: number; tid: number }>;
  const last = new Map<string, number>();
  for (const row of tids) {
    const key = `${row.meterId}:${row.baseYear}`;
    const previous = last.get(key);
    if (previous !== undefined) expect(row.tid, `TID after ${previous} on meter ${key}`).toBeGreaterThan(previous);
    last.set(key, row.tid);
  }
  for (const [key, tid] of last) {
    const [meterId, baseYear] = key.split(':');
    expect(db.prepare('SELECT last_tid FROM meter_tids WHERE meter_id = ? AND base_year = ?').pluck().get(meterId, Number(baseYear))).toBe(tid);
  }
  const kit = db.prepare("SELECT m.kit_count AS count, (SELECT max(s.kit_count) FROM sales s WHERE s.meter_id = m.id) AS sold FROM meters m WHERE m.meter_type = 'solar-kit' AND m.meter_no = ?").get(METERS[2]) as { count: number; sold: number | null };
  if (kit.sold !== null) expect(kit.count).toBe(kit.sold);
  return { sales };
}

describe('crash safety of the vend', () => {
  it(`keeps every returned token exactly once through ${KILLS} SIGKILLs`, async () => {
    dataDir = makeDataDir('tokentill-vend-crash-');
    const setup = await startVendingHarness({ dataDir, at: new Date().toISOString() });
    accountIds = METERS.map((meterNo) => setup.accountOf(meterNo));
    setup.core.close();

    const printed: Printed[] = [];
    const started = Date.now();
    let readyRuns = 0;
    let salesAtLastCheck = 0;
    for (let i = 0; i < KILLS; i++) {
      // One run in eight is killed while the core is still starting; the rest after 0-600 ms of vending.
      const duringStart = i % 8 === 7;
      const run = await runAndKill(duringStart ? Math.floor(Math.random() * 400) : Math.floor(Math.random() * 600), duringStart);
      if (run.ready) readyRuns += 1;
      printed.push(...run.printed);
      const db = new Database(path.join(dataDir, DATABASE_FILE));
      try {
        const { sales } = check(db, printed);
        expect(sales).toBeGreaterThanOrEqual(printed.length);
        expect(sales).toBeLessThanOrEqual(printed.length + i + 1);
        salesAtLastCheck = sales;
      } finally {
        db.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
    console.log(`vend crash test: ${KILLS} kills in ${seconds.toFixed(1)} s, ${readyRuns} after start-up, ${printed.length} sales returned, ${salesAtLastCheck} committed`);
    expect(printed.length).toBeGreaterThan(KILLS);
    expect(new Set(printed.map((p) => p.saleId)).size).toBe(printed.length);
  }, 300_000);
});
