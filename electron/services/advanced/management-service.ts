import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type {
  AccountActionInput, KeyChangeInput, ManagementKind, ManagementRecord, ManagementResult, OverdraftSupport, SetMaxOverdraftInput,
  SetMaxPowerInput, TestTokenInput,
} from '../../../shared/ipc/advanced-schemas';
import { UNIT_OF_METER_KIND } from '../../../shared/format/units';
import { describeKeyParams, KeyParams } from '../../../shared/library/key-params';
import { builtInProfile } from '../../../shared/library/meter-profiles';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { ManagementReceiptKind, ReceiptManagementRecord } from '../../../shared/receipt/records';
import { writeTransaction } from '../../db/open-database';
import type { AccountRecord, AccountsRepo } from '../../db/repos/accounts-repo';
import type { ManagementTokensRepo } from '../../db/repos/management-tokens-repo';
import type { MeterRecord, MetersRepo } from '../../db/repos/meters-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import {
  createTokenCipher, deriveDecoderKeyDkga02, deriveDecoderKeyDkga04, encodeTransferAmount, formatTenths, meterPanFromDrn,
  parseDrn, sealClassTwoToken, type StaTables, type StsMeter, type TokenCipher,
  type TokenIssuer, type VendingKeyProvider,
} from '../../sts';
import type { AuditLog } from '../audit-log';
import type { Logger } from '../logger';
import type { Session } from '../session-store';
import type { SettingsService } from '../settings-service';
import type { Terminal } from '../terminal';
import type { ClockGuard } from '../vending/clock-guard';
import { issued } from '../vending/issued';
import { allocateTid } from '../vending/tid-allocation';

/**
 * The Advanced Center's management tokens (A1): Set Max Overdraft, Clear Credit, Clear Tamper, Set Max Power, Key
 * Change and Meter Test, under V1's rules (architecture.md invariants 1-3):
 *   - one BEGIN IMMEDIATE transaction before anything is shown: the same request id returns the first record; the
 *     clock check; the account and meter read afresh; the next TID from V1's allocator on the meter's one TID
 *     sequence per base date (shared with credit tokens); the token(s) from the one TokenIssuer; the record, the meter's
 *     new last TID (or its new current key), the account's max overdraft, the audit row and the outbox rows;
 *   - a refusal throws and rolls everything back;
 *   - a reprint reads the stored record and never makes a token again.
 * Set Max Overdraft has no STS standard token: only a model profile that defines an encoding can issue it (today the
 * test-only "TokenTill test meter"); for any other model it is refused with the profile's reason, never guessed.
 */
export interface ManagementService {
  setMaxOverdraft(input: SetMaxOverdraftInput, session: Session): ManagementResult;
  clearCredit(input: AccountActionInput, session: Session): ManagementResult;
  clearTamper(input: AccountActionInput, session: Session): ManagementResult;
  setMaxPower(input: SetMaxPowerInput, session: Session): ManagementResult;
  keyChange(input: KeyChangeInput, session: Session): ManagementResult;
  testToken(input: TestTokenInput, session: Session): ManagementResult;
  overdraftSupport(accountId: string): OverdraftSupport;
  /**
   * The 2024 TID roll-over: gives each meter pending key parameters on base date 2014 (and KRN 2 for a KRN 1 meter), so
   * the next vend bundles the key-change set (V1). Meters that already have pending keys are left as they are.
   */
  markRolloverPending(meterIds: readonly string[], session: Session): { marked: number; skipped: number };
  get(id: string): ManagementRecord;
  reprint(id: string, session: Session): ManagementResult;
  /** The receipt of a stored record, as the printer lays it out (for printing it on request). */
  receiptFor(id: string): ReceiptManagementRecord;
  /** The cipher of the meter's current decoder key (for the decoder), or a refusal naming what is missing. */
  cipherOf(meter: MeterRecord): TokenCipher;
}

export interface ManagementPrinter {
  configured(): boolean;
  printManagementReceipt(record: ReceiptManagementRecord, options: { sourceId: string; actor: string; copy?: boolean }): Promise<unknown>;
}

export interface ManagementServiceDeps {
  sqlite: Database.Database;
  repo: ManagementTokensRepo;
  meters: MetersRepo;
  accounts: Pick<AccountsRepo, 'byId' | 'activeForMeter'>;
  applyMaxOverdraft(change: { accountId: string; version: number; tenths: number; actor: string; now: string }): void;
  issuer: TokenIssuer;
  vendingKeyProvider: VendingKeyProvider;
  staTables: () => StaTables | undefined;
  audit: AuditLog;
  outbox: OutboxRepo;
  settings: SettingsService;
  clockGuard: ClockGuard;
  terminal: Terminal;
  printer: ManagementPrinter;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  rnd?: () => number;
}

/** ClearCredit's register selector for "all registers" (sts-spec.md 1.2). */
export const CLEAR_ALL_REGISTERS = 0xffff;

export const OVERDRAFT_NOT_PUBLISHED = "This meter model's Set Max Overdraft encoding is not published; TokenTill will not guess it.";

const RECEIPT_KIND: Readonly<Record<ManagementKind, ManagementReceiptKind>> = {
  setMaxOverdraft: 'max-overdraft',
  clearCredit: 'clear-credit',
  clearTamper: 'clear-tamper',
  setMaxPower: 'max-power',
  keyChange: 'key-change',
  meterTest: 'meter-test',
};

function refuse(message: string): never {
  throw new AppFailure('VALIDATION', message);
}

/** Units as typed ("12.5") to integer tenths. */
function tenthsOf(text: string): number {
  const [whole = '0', fraction = '0'] = text.split('.');
  return Number.parseInt(whole, 10) * 10 + Number.parseInt(fraction, 10);
}

type Minted = {
  tokens: string[];
  tid: number | null;
  baseYear: number | null;
  tidDate: string | null;
  keyParams: string | null;
  valueText: string | null;
  valueNumber: number | null;
  params: Record<string, unknown>;
  receiptMark: string | null;
};

export function createManagementService(deps: ManagementServiceDeps): ManagementService {
  const rnd = deps.rnd ?? (() => randomInt(16));

  const meterOf = (id: string): MeterRecord => {
    const meter = deps.meters.byId(id);
    if (!meter) throw new AppFailure('NOT_FOUND', 'This meter is no longer in the Meter Library; choose the meter again.');
    if (meter.scheme !== 'STS') refuse(`Meter ${meter.meterNo} is a home solar kit; the Advanced Center's tokens are for STS meters.`);
    return meter;
  };

  const accountOf = (id: string): { account: AccountRecord; meter: MeterRecord } => {
    const account = deps.accounts.byId(id);
    if (!account) throw new AppFailure('NOT_FOUND', 'This account is no longer in the Account Library; choose the customer again.');
    return { account, meter: meterOf(account.meterId) };
  };

  const currentKeys = (meter: MeterRecord): KeyParams => {
    if (meter.keys === null) refuse(`Meter ${meter.meterNo} has no key parameters; set them in the Meter Library first.`);
    return meter.keys;
  };

  const stsMeterOf = (meter: MeterRecord, keys: KeyParams): StsMeter => {
    const drn = parseDrn(meter.meterNo, 'meterNo');
    if (!drn.ok) refuse(`Meter ${meter.meterNo}: ${drn.error.message}`);
    return {
      scheme: 'STS',
      meterId: meter.id,
      pan: meterPanFromDrn(drn.value).pan,
      key: { dkga: keys.dkga, algorithm: keys.algorithm, sgc: keys.sgc, krn: keys.krn, keyType: keys.keyType, ti: keys.ti, baseYear: keys.baseYear },
      tables: keys.algorithm === 'EA07' ? deps.staTables() : undefined,
    };
  };

  const cipherOf = (meter: MeterRecord): TokenCipher => {
    const keys = currentKeys(meter);
    const drn = parseDrn(meter.meterNo, 'meterNo');
    if (!drn.ok) refuse(`Meter ${meter.meterNo}: ${drn.error.message}`);
    const vendingKey = deps.vendingKeyProvider({ sgc: keys.sgc, krn: keys.krn, keyType: keys.keyType, dkga: keys.dkga, baseYear: keys.baseYear });
    if (vendingKey === null) {
      throw new AppFailure(
        'KEY_UNAVAILABLE',
        `No vending key for supply group ${keys.sgc}, key revision ${keys.krn}, key type ${keys.keyType} is in the key store (or it is locked); load it in Advanced Center - Vending Keys.`,
      );
    }
    try {
      const pan = meterPanFromDrn(drn.value);
      const decoderKey = keys.dkga === 'DKGA02'
        ? deriveDecoderKeyDkga02(vendingKey, { pan, keyType: keys.keyType, sgc: keys.sgc, ti: keys.ti, krn: keys.krn })
        : deriveDecoderKeyDkga04(vendingKey, { pan, keyType: keys.keyType, sgc: keys.sgc, ti: keys.ti, krn: keys.krn, baseYear: keys.baseYear, algorithm: keys.algorithm === 'EA11' ? 'EA11' : 'EA07' });
      const cipher = createTokenCipher({ algorithm: keys.algorithm, decoderKey, tables: keys.algorithm === 'EA07' ? deps.staTables() : undefined });
      decoderKey.fill(0);
      return cipher;
    } finally {
      vendingKey.fill(0);
    }
  };

  /** The next TID on the meter's one sequence for its current base date, stored as its last TID. Inside the transaction. */
  const nextTid = (meter: MeterRecord, keys: KeyParams, now: Date): { tid: number; tidDate: string } => {
    const timeZone = deps.settings.section('general').tidTimeZone;
    const last = deps.meters.lastTids(meter.id).find((row) => row.baseYear === keys.baseYear)?.tid ?? null;
    let allocation: ReturnType<typeof allocateTid>;
    try {
      allocation = allocateTid({ now, timeZone, baseYear: keys.baseYear, lastTid: last });
    } catch (error) {
      if (error instanceof RangeError) refuse(`The TID time zone setting "${timeZone}" is not a time zone this computer knows; fix it in Settings - General.`);
      throw error;
    }
    if (!allocation.ok) {
      throw new AppFailure(allocation.problem === 'CLOCK' ? 'CLOCK_BEHIND' : allocation.problem === 'KEY_EXPIRED' ? 'KEY_EXPIRED' : 'VALIDATION', `Meter ${meter.meterNo}: ${allocation.message}`);
    }
    deps.meters.setLastTid(meter.id, keys.baseYear, allocation.tid, now.toISOString());
    return { tid: allocation.tid, tidDate: allocation.tidDate };
  };

  const overdraftSupportOf = (meter: MeterRecord): OverdraftSupport => {
    const encoding = builtInProfile(meter.profileId)?.encodings.setMaxOverdraft;
    if (encoding === undefined || encoding.status === 'not-published') return { supported: false, reason: OVERDRAFT_NOT_PUBLISHED, receiptMark: null };
    return { supported: encoding.token !== undefined, reason: encoding.token === undefined ? OVERDRAFT_NOT_PUBLISHED : null, receiptMark: encoding.status === 'test-only' ? encoding.receiptMark ?? null : null };
  };

  const sameRequest = (existing: ManagementRecord, kind: ManagementKind, target: { accountId?: string; meterId?: string }): ManagementRecord => {
    const same = existing.kind === kind && (target.accountId === undefined || existing.accountId === target.accountId) &&
      (target.meterId === undefined || existing.meterId === target.meterId);
    if (!same) throw new AppFailure('CONFLICT', 'This confirmation was already used for another token; start again.');
    return existing;
  };

  const receiptOf = (record: ManagementRecord, meterType: MeterRecord['meterType']): ReceiptManagementRecord => {
    const identity = deps.terminal.identity();
    const details: Array<{ label: string; value: string }> = [];
    if (record.valueText !== null) details.push({ label: 'Value', value: record.valueText.slice(0, 80) });
    if (record.tidDate !== null) details.push({ label: 'TID Date', value: record.tidDate });
    if (record.receiptMark !== null) details.push({ label: 'Note', value: record.receiptMark });
    const role = record.kind === 'keyChange' ? 'key-change' : record.kind === 'meterTest' ? 'test' : 'management';
    return {
      kind: RECEIPT_KIND[record.kind],
      companyName: deps.settings.section('company').companyName.slice(0, 120),
      stationName: (identity?.stationName ?? '').slice(0, 80),
      recordNo: record.id.slice(-12),
      operator: { name: record.operatorName.slice(0, 80), userId: record.operatorLoginId.slice(0, 40) },
      customerNo: record.customerNo,
      userCoder: record.customerName,
      meterNo: record.meterNo,
      meterKind: meterType,
      details,
      issuedAt: record.createdAt,
      tokens: record.tokens.map((digits) => ({ role, digits })),
    };
  };

  const print = (record: ManagementRecord, meterType: MeterRecord['meterType'], session: Session, copy: boolean): boolean => {
    if (!deps.printer.configured()) return false;
    deps.printer.printManagementReceipt(receiptOf(record, meterType), { sourceId: record.id, actor: session.loginId, copy }).catch((error: unknown) => {
      deps.logger.error(`the receipt of management token ${record.id} did not print`, error);
    });
    return true;
  };

  /**
   * The one transaction of every action: replay, clock check, read, mint (TID, token, meter and account writes), record,
   * audit, outbox. `mint` runs inside the transaction and may throw to roll everything back.
   */
  const issue = (
    kind: ManagementKind,
    idempotencyKey: string,
    session: Session,
    target: { accountId?: string; meterId?: string },
    mint: (now: Date) => { meter: MeterRecord; account: AccountRecord | null; minted: Minted },
  ): ManagementResult => {
    const outcome = writeTransaction(deps.sqlite, () => {
      const existing = deps.repo.byIdempotencyKey(idempotencyKey);
      if (existing) return { record: sameRequest(existing, kind, target), replayed: true, meterType: null };
      const now = deps.clock.now();
      deps.clockGuard.check(now, deps.settings.section('general').clockToleranceMinutes);
      const { meter, account: accountGiven, minted } = mint(now);
      const account = accountGiven ?? (() => {
        const active = deps.accounts.activeForMeter(meter.id, null);
        return active ? deps.accounts.byId(active.id) : null;
      })();
      const nowText = now.toISOString();
      const record: ManagementRecord = {
        id: deps.ids.newId(),
        kind,
        accountId: account?.id ?? null,
        accountNo: account?.accountNo ?? null,
        customerNo: account?.customerNo ?? null,
        customerName: account?.customerName ?? null,
        meterId: meter.id,
        meterNo: meter.meterNo,
        valueText: minted.valueText,
        valueNumber: minted.valueNumber,
        params: minted.params,
        tid: minted.tid,
        baseYear: minted.baseYear,
        tidDate: minted.tidDate,
        keyParams: minted.keyParams,
        receiptMark: minted.receiptMark,
        operatorLoginId: session.loginId,
        operatorName: session.name,
        createdAt: nowText,
        tokens: minted.tokens,
      };
      deps.repo.insert({ ...record, stationId: deps.terminal.stationId(), operatorId: session.userId, profileId: meter.profileId }, idempotencyKey);
      deps.outbox.append({ txId: deps.ids.newId(), kind: 'management.created', payload: { table: 'management_tokens', row: record }, idempotencyKey: record.id }, nowText);
      deps.audit.append({
        actor: session.loginId,
        action: `advanced.${kind}`,
        target: record.id,
        details: { meterNo: record.meterNo, accountNo: record.accountNo, value: record.valueText, tid: record.tid, baseYear: record.baseYear, tokens: record.tokens.length },
      });
      deps.clockGuard.record(now);
      return { record, replayed: false, meterType: meter.meterType };
    });
    const printQueued = outcome.replayed || outcome.meterType === null ? false : print(outcome.record, outcome.meterType, session, false);
    return { record: outcome.record, replayed: outcome.replayed, printQueued };
  };

  /** A class 2 management token on the meter's current key with the next TID. */
  const management = (meter: MeterRecord, subclass: 0 | 1 | 5, value: number, now: Date) => {
    const keys = currentKeys(meter);
    const { tid, tidDate } = nextTid(meter, keys, now);
    const token = issued(meter.meterNo, deps.issuer.management({ meter: stsMeterOf(meter, keys), subclass, value, tid, rnd: rnd() }));
    return { token, tid, tidDate, keys };
  };

  const withTid = (made: ReturnType<typeof management>, rest: Pick<Minted, 'valueText' | 'valueNumber' | 'params'>): Minted => ({
    tokens: [made.token.tokenNumber], tid: made.tid, baseYear: made.keys.baseYear, tidDate: made.tidDate, keyParams: describeKeyParams(made.keys), receiptMark: null, ...rest,
  });

  const service: ManagementService = {
    markRolloverPending(meterIds, session) {
      return writeTransaction(deps.sqlite, () => {
        const nowText = deps.clock.now().toISOString();
        let marked = 0;
        let skipped = 0;
        for (const id of meterIds) {
          const meter = meterOf(id);
          const keys = currentKeys(meter);
          if (meter.pendingKeys !== null || (keys.baseYear !== 1993 && keys.krn !== 1)) {
            skipped += 1;
            continue;
          }
          const pending: KeyParams = { ...keys, baseYear: keys.baseYear === 1993 ? 2014 : keys.baseYear, krn: keys.krn === 1 ? 2 : keys.krn };
          if (!deps.meters.update(meter.id, meter.version, { meterType: meter.meterType, profileId: meter.profileId, keys, pendingKeys: pending, kit: meter.kit, active: meter.active }, nowText)) {
            throw new AppFailure('CONFLICT', `Meter ${meter.meterNo} was changed by someone else meanwhile; reload the list and try again.`);
          }
          const version = meter.version + 1;
          deps.outbox.append({ txId: deps.ids.newId(), kind: 'master.upsert', payload: { table: 'meters', row: deps.meters.syncRow(meter.id) }, idempotencyKey: `meters:${meter.id}:${version}` }, nowText);
          deps.audit.append({ actor: session.loginId, action: 'advanced.rolloverPending', target: `meters:${meter.meterNo}`, details: { from: describeKeyParams(keys), to: describeKeyParams(pending) } });
          marked += 1;
        }
        return { marked, skipped };
      });
    },

    overdraftSupport(accountId) {
      return overdraftSupportOf(accountOf(accountId).meter);
    },

    setMaxOverdraft(input, session) {
      return issue('setMaxOverdraft', input.idempotencyKey, session, { accountId: input.accountId }, (now) => {
        const { account, meter } = accountOf(input.accountId);
        const support = overdraftSupportOf(meter);
        const encoding = builtInProfile(meter.profileId)?.encodings.setMaxOverdraft;
        const coding = encoding?.token;
        if (!support.supported || coding === undefined) refuse(`Meter ${meter.meterNo}: ${OVERDRAFT_NOT_PUBLISHED}`);
        const tenths = tenthsOf(input.overdraft);
        let field: number;
        try {
          field = encodeTransferAmount(tenths, 'overdraft');
        } catch {
          refuse('Max Overdraft: the value is too large for the token; type a smaller number.');
        }
        const keys = currentKeys(meter);
        const { tid, tidDate } = nextTid(meter, keys, now);
        const cipher = cipherOf(meter);
        const random = rnd();
        const built = sealClassTwoToken(coding.subclass, ((random << 8) | (tid >>> 16)) & 0xfff, (((tid & 0xffff) << 16) | field) >>> 0, cipher);
        deps.applyMaxOverdraft({ accountId: account.id, version: account.version, tenths, actor: session.loginId, now: now.toISOString() });
        const unit = UNIT_OF_METER_KIND[meter.meterType];
        return {
          meter,
          account,
          minted: {
            tokens: [built.tokenNumber], tid, baseYear: keys.baseYear, tidDate, keyParams: describeKeyParams(keys),
            valueText: `${formatTenths(tenths)} ${unit}`, valueNumber: tenths, params: { tenths, unit, subclass: coding.subclass }, receiptMark: support.receiptMark,
          },
        };
      });
    },

    clearCredit(input, session) {
      return issue('clearCredit', input.idempotencyKey, session, { accountId: input.accountId }, (now) => {
        const { account, meter } = accountOf(input.accountId);
        const made = management(meter, 1, CLEAR_ALL_REGISTERS, now);
        return { meter, account, minted: withTid(made, { valueText: 'All registers', valueNumber: CLEAR_ALL_REGISTERS, params: { register: CLEAR_ALL_REGISTERS } }) };
      });
    },

    clearTamper(input, session) {
      return issue('clearTamper', input.idempotencyKey, session, { accountId: input.accountId }, (now) => {
        const { account, meter } = accountOf(input.accountId);
        const made = management(meter, 5, 0, now);
        return { meter, account, minted: withTid(made, { valueText: null, valueNumber: null, params: {} }) };
      });
    },

    setMaxPower(input, session) {
      return issue('setMaxPower', input.idempotencyKey, session, { accountId: input.accountId }, (now) => {
        const { account, meter } = accountOf(input.accountId);
        const made = management(meter, 0, input.watts, now);
        const watts = made.token.value ?? input.watts;
        return { meter, account, minted: withTid(made, { valueText: `${watts} W`, valueNumber: watts, params: { watts, asked: input.watts } }) };
      });
    },

    keyChange(input, session) {
      return issue('keyChange', input.idempotencyKey, session, { meterId: input.meterId }, (now) => {
        const meter = meterOf(input.meterId);
        const current = currentKeys(meter);
        let next: KeyParams;
        if (input.next === null) {
          if (meter.pendingKeys === null) refuse(`Meter ${meter.meterNo} has no pending key parameters; type the new KRN, TI, key type, SGC and base date.`);
          next = meter.pendingKeys;
        } else {
          const parsed = KeyParams.safeParse({ ...input.next, algorithm: current.algorithm, dkga: current.dkga });
          if (!parsed.success) refuse(`New key: ${parsed.error.issues[0]?.message ?? 'check the parameters'}.`);
          next = parsed.data;
        }
        if (describeKeyParams(next) === describeKeyParams(current)) refuse(`Meter ${meter.meterNo} already holds this key; change at least one of KRN, TI, key type, SGC or base date.`);
        const rollover = next.baseYear !== current.baseYear;
        const set = issued(meter.meterNo, deps.issuer.keyChange({ meter: stsMeterOf(meter, current), next: stsMeterOf(meter, next).key, rollover }));
        const nowText = now.toISOString();
        if (!deps.meters.update(meter.id, meter.version, { meterType: meter.meterType, profileId: meter.profileId, keys: next, pendingKeys: null, kit: meter.kit, active: meter.active }, nowText)) {
          throw new AppFailure('CONFLICT', `Meter ${meter.meterNo} was changed by someone else meanwhile; reload it and try again.`);
        }
        const version = meter.version + 1;
        deps.outbox.append({ txId: deps.ids.newId(), kind: 'master.upsert', payload: { table: 'meters', row: deps.meters.syncRow(meter.id) }, idempotencyKey: `meters:${meter.id}:${version}` }, nowText);
        return {
          meter,
          account: null,
          minted: {
            tokens: set.tokens.map((t) => t.tokenNumber), tid: null, baseYear: next.baseYear, tidDate: null, keyParams: describeKeyParams(next),
            valueText: `KRN ${current.krn} -> ${next.krn}${rollover ? `, base ${current.baseYear} -> ${next.baseYear} (roll-over)` : ''}`,
            valueNumber: next.krn,
            params: { from: describeKeyParams(current), to: describeKeyParams(next), rollover, keyBits: set.keyBits, fromPending: input.next === null },
            receiptMark: null,
          },
        };
      });
    },

    testToken(input, session) {
      return issue('meterTest', input.idempotencyKey, session, { meterId: input.meterId }, () => {
        const meter = meterOf(input.meterId);
        const drn = parseDrn(meter.meterNo, 'meterNo');
        if (!drn.ok) refuse(`Meter ${meter.meterNo}: ${drn.error.message}`);
        const digits = drn.value.length === 11 ? 2 : 4;
        const manufacturerCode = Number.parseInt(drn.value.digits.slice(0, digits), 10);
        const token = issued(meter.meterNo, deps.issuer.testToken({ manufacturerCodeDigits: digits, manufacturerCode, control: input.control }));
        return {
          meter,
          account: null,
          minted: {
            tokens: [token.tokenNumber], tid: null, baseYear: null, tidDate: null, keyParams: null, receiptMark: null,
            valueText: `Test control ${input.control}`, valueNumber: input.control, params: { control: input.control, manufacturerCode, manufacturerCodeDigits: digits },
          },
        };
      });
    },

    get(id) {
      const record = deps.repo.byId(id);
      if (!record) throw new AppFailure('NOT_FOUND', 'This management token record is not on this terminal; reload the records.');
      return record;
    },

    reprint(id, session) {
      const record = service.get(id);
      const meter = deps.meters.byId(record.meterId);
      const printQueued = deps.printer.configured();
      writeTransaction(deps.sqlite, () =>
        deps.audit.append({ actor: session.loginId, action: 'advanced.reprint', target: record.id, details: { kind: record.kind, meterNo: record.meterNo, printed: printQueued } }),
      );
      if (printQueued) print(record, meter?.meterType ?? 'electricity', session, true);
      return { record, replayed: true, printQueued };
    },

    receiptFor(id) {
      const record = service.get(id);
      return receiptOf(record, deps.meters.byId(record.meterId)?.meterType ?? 'electricity');
    },

    cipherOf,
  };
  return service;
}
