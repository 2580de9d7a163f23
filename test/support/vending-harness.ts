import { startCore, type Core } from '../../electron/services/core';
import type { CallerContext } from '../../electron/services/handler-types';
import { DEMO_VENDING_KEYS } from '../../electron/services/demo/demo-keys';
import {
  createVirtualMeter, deriveDecoderKeyDkga02, meterPanFromDrn, parseDrn, parseHexBytes, type VirtualMeter,
} from '../../electron/sts';
import type { KeyParams } from '../../shared/library/key-params';
import type { Sale, VendConfirmResult, VendQuote } from '../../shared/ipc/vending-schemas';
import { removeDir, SETUP_INPUT } from './core-harness';
import { APP_ROOT, makeDataDir, testEnv } from './host-process';

/**
 * A real core on a temporary data folder with the demo loaded (test vending keys, demo meters, customers and accounts),
 * a clock the test sets, the admin signed in, and helpers to vend and to feed the sale's tokens to a virtual meter
 * configured with the meter's decoder key (derived from the published STS test vending key).
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
export type TestCaller = CallerContext & { call<T = unknown>(channel: string, input?: unknown): Promise<Reply<T>> };

export interface VendingHarness {
  core: Core;
  dataDir: string;
  clock: { now(): Date; set(iso: string): void; advance(ms: number): void };
  admin: TestCaller;
  caller(): TestCaller;
  /** The demo account of a meter number. */
  accountOf(meterNo: string): string;
  vend(input: { accountId: string; by?: 'money' | 'unit'; amount: string; idempotencyKey?: string; caller?: TestCaller }): Promise<VendConfirmResult>;
  count(sql: string, ...params: unknown[]): number;
  close(): void;
}

export const VEND_PASSWORD = SETUP_INPUT.vendPassword;

export async function value<T>(promise: Promise<Reply<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let requestCounter = 0;
export function requestId(): string {
  requestCounter += 1;
  return `req-${process.pid}-${Date.now()}-${requestCounter}`.padEnd(20, '0');
}

export async function startVendingHarness(options: { at?: string; dataDir?: string } = {}): Promise<VendingHarness> {
  const dataDir = options.dataDir ?? makeDataDir('tokentill-vend-');
  let now = new Date(options.at ?? '2026-05-01T08:00:00.000Z');
  const callers: TestCaller[] = [];
  let running: Core | null = null;
  // Moving the clock is not idleness: the signed-in sessions move with it, so the idle lock stays out of the way.
  const moved = () => {
    for (const c of callers) {
      const session = running?.sessions.get(c.sessionToken) ?? null;
      if (session) session.lastSeenAt = new Date(now);
    }
  };
  const clock = {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
      moved();
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
      moved();
    },
  };
  const started = await startCore({ dataDir, appRoot: APP_ROOT, program: 'test', env: testEnv(dataDir), clock });
  if (!started.ok) throw new Error(`core did not start: ${started.problem.message}`);
  const core = started.core;
  running = core;
  const caller = (): TestCaller => {
    let token: string | null = null;
    const ctx: TestCaller = {
      transport: 'test',
      get sessionToken() {
        return token;
      },
      setSessionToken(next: string | null) {
        token = next;
      },
      async call<T>(channel: string, input: unknown = {}) {
        return (await core.dispatch(channel, input, ctx)) as Reply<T>;
      },
    };
    callers.push(ctx);
    return ctx;
  };
  const setup = caller();
  const status = await setup.call<{ initialized: boolean }>('setup.status');
  if (status.ok && !status.value.initialized) await value(setup.call('setup.init', SETUP_INPUT));
  const admin = caller();
  await value(admin.call('session.login', { username: SETUP_INPUT.adminUserId, password: SETUP_INPUT.adminPassword }));
  // No printer: tests that print start their own virtual printer.
  const printer = core.services.print.settings();
  if (printer.connection.kind !== 'none') core.services.print.saveSettings({ ...printer, connection: { kind: 'none' } }, 'test');
  const sqlite = core.database.sqlite;
  return {
    core,
    dataDir,
    clock,
    admin,
    caller,
    accountOf(meterNo) {
      const id = sqlite
        .prepare('SELECT a.id FROM accounts a JOIN meters m ON m.id = a.meter_id WHERE m.meter_no = ? AND a.active = 1')
        .pluck()
        .get(meterNo) as string | undefined;
      if (!id) throw new Error(`no demo account for meter ${meterNo}`);
      return id;
    },
    async vend({ accountId, by = 'money', amount, idempotencyKey = requestId(), caller: who = admin }) {
      const quote = await value(who.call<VendQuote>('vend.quote', { accountId, by, amount }));
      return value(who.call<VendConfirmResult>('vend.confirm', {
        accountId, by, amount, priceVersion: quote.priceVersion, paymentType: 'Cash', vendPassword: VEND_PASSWORD, idempotencyKey,
      }));
    },
    count: (sql, ...params) => sqlite.prepare(sql).pluck().get(...params) as number,
    close() {
      core.close();
      removeDir(dataDir);
    },
  };
}

/** The demo's DKGA02 test vending key (SGC 123456, KRN 1, key type 2, base date 2014). */
export function testVendingKey(): Uint8Array {
  const key = DEMO_VENDING_KEYS.find((k) => k.dkga === 'DKGA02');
  if (!key) throw new Error('the demo has no DKGA02 test key');
  const bytes = parseHexBytes(key.keyHex, 'key', 8);
  if (!bytes.ok) throw new Error(bytes.error.message);
  return bytes.value;
}

/** A virtual meter holding the decoder key the meter `meterNo` has with `keys` (DKGA02 from the test vending key). */
export function virtualMeterFor(meterNo: string, keys: KeyParams, vendingKey: Uint8Array = testVendingKey()): VirtualMeter {
  const drn = parseDrn(meterNo);
  if (!drn.ok) throw new Error(drn.error.message);
  const decoderKey = deriveDecoderKeyDkga02(vendingKey, { pan: meterPanFromDrn(drn.value), keyType: keys.keyType, sgc: keys.sgc, ti: keys.ti, krn: keys.krn });
  const meter = createVirtualMeter({ decoderKey, algorithm: keys.algorithm, krn: keys.krn, keyType: keys.keyType, ti: keys.ti, sgc: keys.sgc });
  if (!meter.ok) throw new Error(meter.error.message);
  return meter.value;
}

export type { Sale };
