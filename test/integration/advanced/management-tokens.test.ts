import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/ipc/access-schemas';
import type { DecodeResult, LoginHistoryResult, ManagementRecordsResult, ManagementResult, RolloverCandidatesResult } from '../../../shared/ipc/advanced-schemas';
import type { KeyParams } from '../../../shared/library/key-params';
import { OVERDRAFT_NOT_PUBLISHED } from '../../../electron/services/advanced/management-service';
import { createTokenCipher, decodeToken, deriveDecoderKeyDkga02, meterPanFromDrn, parseDrn, parseTokenNumber } from '../../../electron/sts';
import { requestId, startVendingHarness, testVendingKey, value, virtualMeterFor, type VendingHarness } from '../../support/vending-harness';

/**
 * A1 through the handler table on a real core with the demo data: each management token is fed to a virtual meter
 * holding the meter's decoder key (derived from the STS specification's test vending key), and must have its effect.
 */
const ELECTRIC = '58000000065';
const ELECTRIC_2 = '58000000099';
const DEMO_KEYS: KeyParams = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' };

let h: VendingHarness;
beforeEach(async () => {
  h = await startVendingHarness({ at: '2026-05-01T08:00:00.000Z' });
});
afterEach(() => h.close());

const meterIdOf = (meterNo: string) => h.core.database.sqlite.prepare('SELECT id FROM meters WHERE meter_no = ?').pluck().get(meterNo) as string;
const lastTid = (meterNo: string) =>
  h.core.database.sqlite.prepare('SELECT t.last_tid FROM meter_tids t JOIN meters m ON m.id = t.meter_id WHERE m.meter_no = ? AND t.base_year = 2014').pluck().get(meterNo) as number | undefined;

async function act(channel: string, input: Record<string, unknown>): Promise<ManagementResult> {
  return value(h.admin.call<ManagementResult>(channel, { idempotencyKey: requestId(), ...input }));
}

async function readXlsx(file: ExportFile): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))));
  return rows;
}

describe('management tokens are accepted by the meter with their effect', () => {
  it('Clear Tamper, Clear Credit and Set Max Power share the meter TID sequence with credit tokens and work on the meter', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const meter = virtualMeterFor(ELECTRIC, DEMO_KEYS);
    const sale = (await h.vend({ accountId, amount: '10' })).sale;
    for (const token of sale.tokens) expect(meter.enter(token.digits).accepted).toBe(true);
    expect(meter.state().registers.electricity).toBe(87);
    meter.tamper();
    expect(meter.state().tamper).toBe(true);

    const tamper = await act('advanced.clearTamper', { accountId });
    expect(tamper.record).toMatchObject({ kind: 'clearTamper', meterNo: ELECTRIC, accountId, operatorLoginId: '0000' });
    expect(tamper.record.tid).toBeGreaterThan(sale.tid ?? Infinity);
    expect(lastTid(ELECTRIC)).toBe(tamper.record.tid);
    const tamperEntered = meter.enter(tamper.record.tokens[0] ?? '');
    expect(tamperEntered).toMatchObject({ accepted: true, effect: { kind: 'clear-tamper' } });
    expect(meter.state().tamper).toBe(false);

    const power = await act('advanced.setMaxPower', { accountId, watts: 5000 });
    expect(meter.enter(power.record.tokens[0] ?? '')).toMatchObject({ accepted: true, effect: { kind: 'set-maximum-power-limit', watts: 5000 } });
    expect(meter.state().maximumPowerLimitWatts).toBe(5000);
    expect(power.record.valueText).toBe('5000 W');

    const clear = await act('advanced.clearCredit', { accountId });
    expect(meter.enter(clear.record.tokens[0] ?? '')).toMatchObject({ accepted: true, effect: { kind: 'clear-credit' } });
    expect(meter.state().registers.electricity).toBe(0);
    expect(clear.record.valueNumber).toBe(0xffff);

    // A credit after them still gets a newer TID: one sequence per meter and base date.
    const after = (await h.vend({ accountId, amount: '10' })).sale;
    expect(after.tid).toBeGreaterThan(clear.record.tid ?? Infinity);
    for (const token of after.tokens) expect(meter.enter(token.digits).accepted).toBe(true);

    // Each action wrote its audit and outbox rows in its transaction.
    expect(h.count("SELECT count(*) FROM audit_log WHERE action IN ('advanced.clearTamper', 'advanced.setMaxPower', 'advanced.clearCredit')")).toBe(3);
    expect(h.count("SELECT count(*) FROM outbox WHERE kind = 'management.created'")).toBe(3);
  });

  it('Key change: the set applies on the meter; a credit on the new key is accepted and one on the old key rejected', async () => {
    await value(h.admin.call('keys.load', { sgc: '123456', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: '0123456789ABCDEF' }));
    const accountId = h.accountOf(ELECTRIC);
    const meterId = meterIdOf(ELECTRIC);
    const meter = virtualMeterFor(ELECTRIC, DEMO_KEYS);
    const result = await act('advanced.keyChange', { meterId, next: { sgc: '123456', ti: 1, krn: 2, keyType: 2, baseYear: 2014 } });
    expect(result.record.tokens).toHaveLength(2);
    expect(result.record.params).toMatchObject({ rollover: false });
    expect(result.record.customerNo).not.toBeNull();
    for (const token of result.record.tokens) expect(meter.enter(token).accepted).toBe(true);
    expect(meter.state().krn).toBe(2);
    const stored = await value(h.admin.call<{ keys: KeyParams; pendingKeys: KeyParams | null }>('meters.get', { id: meterId }));
    expect(stored.keys.krn).toBe(2);
    expect(stored.pendingKeys).toBeNull();

    const onNewKey = (await h.vend({ accountId, amount: '10' })).sale;
    expect(meter.enter(onNewKey.tokens[0]?.digits ?? '')).toMatchObject({ accepted: true, effect: { kind: 'credit' } });

    const drn = parseDrn(ELECTRIC);
    if (!drn.ok) throw new Error(drn.error.message);
    const old = h.core.services.tokenIssuer.credit({
      meter: { scheme: 'STS', meterId: 'old-key', pan: meterPanFromDrn(drn.value).pan, key: DEMO_KEYS },
      subclass: 0, amountTenths: 50, tid: (onNewKey.tid ?? 0) + 5, rnd: 3,
    });
    if (!old.ok) throw new Error(old.error.message);
    expect(meter.enter(old.value.tokenNumber)).toMatchObject({ accepted: false, reason: 'CRC' });
  });

  it('Key change with the roll-over flag to a new base date clears the meter TID memory and starts its new TID sequence', async () => {
    await value(h.admin.call('keys.load', { sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 1993, keyHex: 'ABABABABABABABAB' }));
    const meterId = meterIdOf(ELECTRIC_2);
    // The meter starts on base date 1993 (an old meter the 2024 roll-over caught).
    h.core.database.sqlite.prepare("UPDATE meters SET base_year = 1993 WHERE id = ?").run(meterId);
    const candidates = await value(h.admin.call<RolloverCandidatesResult>('advanced.rolloverCandidates', { search: ELECTRIC_2 }));
    expect(candidates.rows[0]).toMatchObject({ meterNo: ELECTRIC_2, baseYear: 1993 });
    const meter = virtualMeterFor(ELECTRIC_2, { ...DEMO_KEYS, baseYear: 1993 });
    const result = await act('advanced.keyChange', { meterId, next: { sgc: '123456', ti: 1, krn: 1, keyType: 2, baseYear: 2014 } });
    expect(result.record.params).toMatchObject({ rollover: true });
    const entered = result.record.tokens.map((token) => meter.enter(token));
    expect(entered.at(-1)).toMatchObject({ accepted: true, effect: { kind: 'key-change', rollover: true } });
    const sale = (await h.vend({ accountId: h.accountOf(ELECTRIC_2), amount: '10' })).sale;
    expect(sale.baseYear).toBe(2014);
    expect(meter.enter(sale.tokens[0]?.digits ?? '').accepted).toBe(true);
  });

  it('Roll-over list: marking a 1993 meter pending makes the next vend bundle the key-change set, which the meter accepts', async () => {
    await value(h.admin.call('keys.load', { sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 1993, keyHex: 'ABABABABABABABAB' }));
    await value(h.admin.call('keys.load', { sgc: '123456', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: '0123456789ABCDEF' }));
    const meterId = meterIdOf(ELECTRIC_2);
    h.core.database.sqlite.prepare('UPDATE meters SET base_year = 1993 WHERE id = ?').run(meterId);
    const marked = await value(h.admin.call<{ marked: number; skipped: number }>('advanced.rolloverPending', { meterIds: [meterId, meterIdOf(ELECTRIC)] }));
    expect(marked).toEqual({ marked: 2, skipped: 0 });
    const listed = await value(h.admin.call<RolloverCandidatesResult>('advanced.rolloverCandidates', { search: ELECTRIC_2 }));
    expect(listed.rows[0]).toMatchObject({ pending: true });
    const meter = virtualMeterFor(ELECTRIC_2, { ...DEMO_KEYS, baseYear: 1993 });
    const sale = (await h.vend({ accountId: h.accountOf(ELECTRIC_2), amount: '10' })).sale;
    expect(sale.keyChange).toMatchObject({ rollover: true });
    for (const token of sale.tokens) expect(meter.enter(token.digits).accepted).toBe(true);
    expect(meter.state()).toMatchObject({ krn: 2, registers: { electricity: 87 } });
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'advanced.rolloverPending'")).toBe(2);
  });

  it('Meter test is a class 1 token the meter accepts', async () => {
    const meter = virtualMeterFor(ELECTRIC, DEMO_KEYS);
    const result = await act('advanced.testToken', { meterId: meterIdOf(ELECTRIC), control: 1 });
    expect(meter.enter(result.record.tokens[0] ?? '')).toMatchObject({ accepted: true, effect: { kind: 'meter-test', manufacturerCode: 58 } });
  });
});

describe('Set Max Overdraft only where the model profile defines the encoding', () => {
  it('is refused for a manufacturer-58 meter with the reason, and writes nothing', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const support = await value(h.admin.call<{ supported: boolean; reason: string }>('advanced.overdraftSupport', { accountId }));
    expect(support).toMatchObject({ supported: false, reason: OVERDRAFT_NOT_PUBLISHED });
    const reply = await h.admin.call('advanced.setMaxOverdraft', { accountId, overdraft: '10', idempotencyKey: requestId() });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(reply.ok ? '' : reply.error.message).toContain(OVERDRAFT_NOT_PUBLISHED);
    expect(h.count('SELECT count(*) FROM management_tokens')).toBe(0);
    expect(h.count('SELECT count(*) FROM meter_tids')).toBe(0);
  });

  it("issues the test meter's documented encoding and records the account's max overdraft in the same transaction", async () => {
    // The demo has no test-meter model: give one demo meter the "TokenTill test meter" profile.
    h.core.database.sqlite.prepare("UPDATE meters SET profile_id = 'tokentill-test-meter' WHERE meter_no = ?").run(ELECTRIC_2);
    const accountId = h.accountOf(ELECTRIC_2);
    const result = await act('advanced.setMaxOverdraft', { accountId, overdraft: '12.5' });
    expect(result.record).toMatchObject({ receiptMark: 'TEST METER', valueNumber: 125, valueText: '12.5 kWh' });
    const account = h.core.database.sqlite.prepare('SELECT max_overdraft_tenths FROM accounts WHERE id = ?').pluck().get(accountId);
    expect(account).toBe(125);
    // Decrypted with the meter's key: class 2, subclass 10, a good CRC, the TID and the value in TransferAmount coding.
    const drn = parseDrn(ELECTRIC_2);
    if (!drn.ok) throw new Error(drn.error.message);
    const decoderKey = deriveDecoderKeyDkga02(testVendingKey(), { pan: meterPanFromDrn(drn.value), keyType: 2, sgc: '123456', ti: 1, krn: 1 });
    const cipher = createTokenCipher({ algorithm: 'EA07', decoderKey });
    const parsed = parseTokenNumber(result.record.tokens[0] ?? '');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const decoded = decodeToken(parsed.value, cipher);
    expect(decoded).toMatchObject({ tokenClass: 2, subclass: 10, crcOk: true });
    expect(Number((decoded.block >> 32n) & 0xffffffn)).toBe(result.record.tid);
    expect(Number((decoded.block >> 16n) & 0xffffn)).toBe(125);
  });
});

describe('idempotency, records, reprint and export', () => {
  it('the same request id returns the first record; records list it; reprint replays; the export reads back', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const key = requestId();
    const first = await act('advanced.clearTamper', { accountId, idempotencyKey: key });
    const again = await act('advanced.clearTamper', { accountId, idempotencyKey: key });
    expect(again.replayed).toBe(true);
    expect(again.record).toEqual(first.record);
    expect(h.count('SELECT count(*) FROM management_tokens')).toBe(1);

    const records = await value(h.admin.call<ManagementRecordsResult>('advanced.records', { kind: 'clearTamper', search: ELECTRIC }));
    expect(records.total).toBe(1);
    expect(records.rows[0]?.tokens).toEqual(first.record.tokens);
    const none = await value(h.admin.call<ManagementRecordsResult>('advanced.records', { kind: 'clearCredit' }));
    expect(none.total).toBe(0);

    const reprint = await value(h.admin.call<ManagementResult>('advanced.reprint', { id: first.record.id }));
    expect(reprint.record.tokens).toEqual(first.record.tokens);
    expect(h.count('SELECT count(*) FROM management_tokens')).toBe(1);

    const file = await value(h.admin.call<ExportFile>('advanced.recordsExport', { kind: 'clearTamper' }));
    const rows = await readXlsx(file);
    expect(rows[0]).toEqual(['Customer No.', 'User Coder', 'Meter No.', 'Value', 'Operator', 'Token', 'TID Date', 'Create Date']);
    expect(rows[1]?.[2]).toBe(ELECTRIC);
    expect(rows[1]?.[5]).toBe(first.record.tokens[0]);
    expect(h.count("SELECT count(*) FROM audit_log WHERE action IN ('advanced.records', 'advanced.records.export', 'advanced.reprint')")).toBe(4);
  });
});

describe('Decode token gives each of its four answers', () => {
  it('issued here, not issued here, fails the check, older than the last TID', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const meterId = meterIdOf(ELECTRIC);
    const sale = (await h.vend({ accountId, amount: '10' })).sale;
    const decode = (token: string, id = meterId) => value(h.admin.call<DecodeResult>('tokens.decode', { token, meterId: id }));

    const issuedHere = await decode(sale.tokens[0]?.digits ?? '');
    expect(issuedHere).toMatchObject({ verdict: 'issued-here', sale: { id: sale.id } });
    const tamper = await act('advanced.clearTamper', { accountId });
    expect(await decode(tamper.record.tokens[0] ?? '')).toMatchObject({ verdict: 'issued-here', record: { id: tamper.record.id }, meaning: 'Clear Tamper' });

    // The same token under another meter's key fails the check.
    expect(await decode(sale.tokens[0]?.digits ?? '', meterIdOf(ELECTRIC_2))).toMatchObject({ verdict: 'check-failed' });

    // Tokens made with this meter's key outside this system's records.
    const drn = parseDrn(ELECTRIC);
    if (!drn.ok) throw new Error(drn.error.message);
    const stsMeter = { scheme: 'STS' as const, meterId: 'outside', pan: meterPanFromDrn(drn.value).pan, key: DEMO_KEYS };
    const make = (tid: number) => {
      const made = h.core.services.tokenIssuer.credit({ meter: stsMeter, subclass: 0, amountTenths: 20, tid, rnd: 1 });
      if (!made.ok) throw new Error(made.error.message);
      return made.value.tokenNumber;
    };
    const last = tamper.record.tid ?? 0;
    expect(await decode(make(last + 100))).toMatchObject({ verdict: 'not-issued-here', meaning: 'Credit 2.0 (electricity)' });
    expect(await decode(make(last - 100))).toMatchObject({ verdict: 'old-tid', lastTid: last });
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'tokens.decode'")).toBe(5);
  });
});

describe('Login History', () => {
  it('lists every login attempt with search, and exports them', async () => {
    const other = h.caller();
    await other.call('session.login', { username: '0000', password: 'wrong-password-1' });
    const all = await value(h.admin.call<LoginHistoryResult>('loginHistory.list', {}));
    expect(all.total).toBeGreaterThanOrEqual(2);
    const failures = await value(h.admin.call<LoginHistoryResult>('loginHistory.list', { search: 'failure' }));
    expect(failures.rows.every((row) => row.result === 'failure')).toBe(true);
    expect(failures.total).toBeGreaterThanOrEqual(1);
    expect(all.rows[0]?.stationId).toBe('ST01');
    const file = await value(h.admin.call<ExportFile>('loginHistory.export', {}));
    const rows = await readXlsx(file);
    expect(rows[0]).toEqual(['Time (UTC)', 'User ID', 'Station', 'Result', 'Reason']);
    expect(rows.length - 1).toBe(all.total);
  });
});
