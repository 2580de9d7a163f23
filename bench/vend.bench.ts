// Vend figures (issue V1): vend.confirm latency through the dispatcher with 1,000,000 earlier sales in the database,
// durable commit included (WAL, synchronous=FULL, one BEGIN IMMEDIATE transaction with the sale, its tokens, the
// meter's TID, the audit row and the outbox row), the vend password's scrypt hash excluded and timed on its own (it is
// slow on purpose); and records.search over those sales. Targets: confirm p95 under 10 ms, search p95 under 100 ms.
// Figures only: nothing here fails on timing.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../electron/db/data-dir';
import { hashPassword, verifyPassword } from '../electron/services/password-hash';
import type { RecordsSearchResult, VendConfirmResult, VendQuote } from '../shared/ipc/vending-schemas';
import { makeDataDir } from '../test/support/host-process';
import { line, percentile, rng } from './support/bench-library';
import { requestId, startVendingHarness, value, VEND_PASSWORD, type VendingHarness } from '../test/support/vending-harness';

const EARLIER_SALES = 1_000_000;
const CONFIRMS = 1_000;
const METERS = ['58000000065', '58000000099', '58000009181', '58000807915', '58001855558', '58000055556', '58091801686', '58009000181'];

type Account = { id: string; accountNo: string; customerId: string; customerNo: string; customerName: string; meterId: string; meterNo: string; meterType: string; scheme: string };

/** Writes the earlier sales straight into the file (the sale columns as a vend writes them), fast: one transaction. */
function seedSales(file: string, accounts: readonly Account[], stationCode: string): { ms: number; tokens: string[] } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const place = db.prepare('SELECT s.id, s.code, s.name, d.id AS districtId, d.code AS districtCode, d.name AS districtName FROM stations s JOIN districts d ON d.id = s.district_id WHERE s.code = ?').get(stationCode) as
    { id: string; code: string; name: string; districtId: string; districtCode: string; districtName: string };
  const insertSale = db.prepare(
    `INSERT INTO sales (id, station_id, created_at, idempotency_key, receipt_no, receipt_seq, transaction_no, station_code, station_name,
       district_id, district_code, district_name, account_id, account_no, customer_id, customer_no, customer_name, meter_id, meter_no,
       meter_type, scheme, price_id, price_name, price_version, price_per_unit, currency, tax_mode, vat_bp, vat_minor, excise_bp,
       excise_minor, by, paid_minor, charge_minor, rounding_minor, units_tenths, unit, payment_type, operator_id, operator_login_id,
       operator_name, shift, tid, base_year, tid_date, tid_time_zone, key_params, key_change_json, kit_count, tokens_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench-price', '1 USD, 13 %', 1, 10000, 'USD',
       'vendor-compatible', 1300, 130, 0, 0, 'money', 1000, 870, 0, 87, ?, 'Cash', 'bench-user', '0000', 'Raymond', 'bench',
       ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertToken = db.prepare("INSERT INTO sale_tokens (sale_id, position, role, token) VALUES (?, 0, 'credit', ?)");
  const start = performance.now();
  const first = Date.UTC(2025, 4, 1);
  const span = 365 * 86_400_000;
  const sample: string[] = [];
  db.transaction(() => {
    for (let i = 1; i <= EARLIER_SALES; i++) {
      const account = accounts[i % accounts.length] as Account;
      const at = new Date(first + Math.floor((i / EARLIER_SALES) * span));
      const token = `${randomInt(1e10)}`.padStart(10, '0') + `${randomInt(1e10)}`.padStart(10, '0');
      const sts = account.scheme === 'STS';
      const tid = sts ? Math.floor((at.getTime() - Date.UTC(2014, 0, 1)) / 60_000) : null;
      const id = `bench-${String(i).padStart(8, '0')}-${randomBytes(4).toString('hex')}`;
      insertSale.run(
        id, place.id, at.toISOString(), id, `${stationCode}-${String(i).padStart(6, '0')}`, i, `${stationCode}-T${String(i).padStart(8, '0')}`, place.code, place.name,
        place.districtId, place.districtCode, place.districtName, account.id, account.accountNo, account.customerId, account.customerNo, account.customerName,
        account.meterId, account.meterNo, account.meterType, account.scheme, sts ? 'kWh' : 'days', tid, sts ? 2014 : null,
        tid === null ? null : at.toISOString().slice(0, 16), sts ? 'UTC' : null, sts ? 'SGC 123456, TI 01, KRN 1, KT 2, EA07, DKGA02, base 2014' : null,
        sts ? null : 1, JSON.stringify([{ role: 'credit', digits: token, tid }]),
      );
      insertToken.run(id, token);
      if (i % 10_000 === 0) sample.push(token);
    }
    db.prepare("INSERT INTO sequences (name, value, updated_at) VALUES (?, ?, ?), (?, ?, ?)").run(
      `receipt:${stationCode}`, EARLIER_SALES, new Date().toISOString(), `transaction:${stationCode}`, EARLIER_SALES, new Date().toISOString(),
    );
  })();
  const ms = performance.now() - start;
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ms, tokens: sample };
}

export async function run(): Promise<void> {
  const dataDir = makeDataDir('tokentill-bench-vend-');
  let h: VendingHarness | null = null;
  try {
    // 1. Set up the demo station, note its accounts, and close it to seed the earlier sales.
    h = await startVendingHarness({ dataDir, at: '2026-05-01T08:00:00.000Z' });
    const accounts = METERS.map((meterNo) => h?.core.database.sqlite.prepare(
      `SELECT a.id, a.account_no AS accountNo, c.id AS customerId, c.customer_no AS customerNo, c.name AS customerName, m.id AS meterId,
         m.meter_no AS meterNo, m.meter_type AS meterType, CASE m.meter_type WHEN 'solar-kit' THEN 'OpenPAYGO' ELSE 'STS' END AS scheme
       FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN meters m ON m.id = a.meter_id WHERE m.meter_no = ? AND a.active = 1`,
    ).get(meterNo) as Account);
    h.core.close();
    h = null;
    const seeded = seedSales(path.join(dataDir, DATABASE_FILE), accounts, 'ST01');
    line(`seeded ${EARLIER_SALES.toLocaleString('en-US')} earlier sales with their tokens (one transaction)`, `${(seeded.ms / 1000).toFixed(1)} s`, 'setup, not a target');

    // 2. The vend password hash, alone (production scrypt parameters, as a real terminal stores them).
    const hash = await hashPassword(VEND_PASSWORD, 'production');
    const hashTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await verifyPassword(VEND_PASSWORD, hash);
      hashTimes.push(performance.now() - start);
    }
    hashTimes.sort((a, b) => a - b);
    line('vend password check (scrypt N=2^17, r=8, p=1), median of 5', `${percentile(hashTimes, 50).toFixed(1)} ms`, 'excluded from the confirm figures below');

    // 3. The floor: a bare durable commit of three small rows on the same disk (WAL, synchronous=FULL).
    const bare = new Database(path.join(dataDir, 'bare-commit.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insertBare = bare.prepare('INSERT INTO t (v) VALUES (?)');
    const threeRows = bare.transaction(() => {
      for (let r = 0; r < 3; r++) insertBare.run('x'.repeat(200));
    });
    const bareTimes: number[] = [];
    for (let i = 0; i < 1_050; i++) {
      const start = performance.now();
      threeRows.immediate();
      if (i >= 50) bareTimes.push(performance.now() - start);
    }
    bare.close();
    bareTimes.sort((a, b) => a - b);
    line('bare durable commit of 3 rows on this disk, p50', `${percentile(bareTimes, 50).toFixed(2)} ms`, `p95 ${percentile(bareTimes, 95).toFixed(2)} ms: the floor under a confirm`);

    // 4. Confirm latency through the dispatcher, the password check skipped (timed above).
    h = await startVendingHarness({ dataDir, at: '2026-05-01T08:00:00.000Z' });
    const harness = h;
    const vendPassword = harness.core.services.vendPassword;
    vendPassword.verify = async () => undefined;
    const quotes = new Map<string, VendQuote>();
    for (const account of accounts) quotes.set(account.id, await value(harness.admin.call<VendQuote>('vend.quote', { accountId: account.id, by: 'money', amount: '10' })));
    const confirmOnce = async (i: number) => {
      const account = accounts[i % accounts.length] as Account;
      const quote = quotes.get(account.id) as VendQuote;
      harness.clock.advance(1_000);
      const input = { accountId: account.id, by: 'money', amount: '10', priceVersion: quote.priceVersion, paymentType: 'Cash', vendPassword: VEND_PASSWORD, idempotencyKey: requestId() };
      const start = performance.now();
      const result = await harness.admin.call<VendConfirmResult>('vend.confirm', input);
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return ms;
    };
    for (let i = 0; i < 50; i++) await confirmOnce(i); // warm the caches and the prepared keys
    const confirmTimes: number[] = [];
    const load = os.loadavg()[0] ?? 0;
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < CONFIRMS; i++) confirmTimes.push(await confirmOnce(i));
    const cpu = process.cpuUsage(cpuBefore);
    confirmTimes.sort((a, b) => a - b);
    const total = harness.count('SELECT count(*) FROM sales');
    line(`vend.confirm over ${EARLIER_SALES.toLocaleString('en-US')} earlier sales (${total.toLocaleString('en-US')} at the end), p50`, `${percentile(confirmTimes, 50).toFixed(2)} ms`, `${CONFIRMS} confirms, durable commit included`);
    line('vend.confirm, p95', `${percentile(confirmTimes, 95).toFixed(2)} ms`, 'target under 10 ms');
    line('vend.confirm, p99', `${percentile(confirmTimes, 99).toFixed(2)} ms`, 'figure only');
    line('vend.confirm, max', `${(confirmTimes.at(-1) ?? 0).toFixed(2)} ms`, 'figure only');
    line('vend.confirm, CPU time of this process per confirm (mean)', `${((cpu.user + cpu.system) / 1000 / CONFIRMS).toFixed(2)} ms`, `machine load average ${load.toFixed(1)} on ${os.cpus().length} cores`);

    // 5. records.search over the sales: by customer, meter, token, a day, and the unfiltered newest page.
    const random = rng(7);
    const customerNos = [...new Set(accounts.map((a) => a.customerNo))];
    const meterNos = accounts.map((a) => a.meterNo);
    const day = () => {
      const start = Date.UTC(2025, 4, 1) + Math.floor(random() * 360) * 86_400_000;
      return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
    };
    const kinds: Array<[string, () => Record<string, unknown>]> = [
      ['newest first, no filter', () => ({})],
      ['by customer no.', () => ({ customerNo: customerNos[Math.floor(random() * customerNos.length)] })],
      ['by meter no.', () => ({ meterNo: meterNos[Math.floor(random() * meterNos.length)] })],
      ['by token', () => ({ token: seeded.tokens[Math.floor(random() * seeded.tokens.length)] })],
      ['by date (one day)', () => day()],
      ['by customer no. and one day', () => ({ customerNo: customerNos[Math.floor(random() * customerNos.length)], ...day() })],
      ['by meter no., page 50', () => ({ meterNo: meterNos[Math.floor(random() * meterNos.length)], page: 50 })],
    ];
    const all: number[] = [];
    for (const [label, input] of kinds) {
      const times: number[] = [];
      let matched = 0;
      for (let i = 0; i < 40; i++) {
        const request = { pageSize: 20, ...input() };
        const start = performance.now();
        const result = await value(harness.admin.call<RecordsSearchResult>('records.search', request));
        const ms = performance.now() - start;
        if (i >= 5) times.push(ms);
        matched = result.total;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      line(`records.search ${label} (${matched.toLocaleString('en-US')} matches), p95`, `${percentile(times, 95).toFixed(2)} ms`, `p50 ${percentile(times, 50).toFixed(2)} ms`);
    }
    all.sort((a, b) => a - b);
    line('records.search, all kinds, p95', `${percentile(all, 95).toFixed(2)} ms`, 'target under 100 ms');
  } finally {
    h?.core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
