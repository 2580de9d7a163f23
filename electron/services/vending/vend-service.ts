import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { KeyChangePlan, Sale, SaleToken, VendConfirmInput, VendConfirmResult, VendQuote, VendQuoteInput } from '../../../shared/ipc/vending-schemas';
import { describeKeyParams, type KeyParams } from '../../../shared/library/key-params';
import { parseAmount } from '../../../shared/format/money';
import { floorToCarriable } from '../../../shared/money';
import type { AllSettings } from '../../../shared/config/settings';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { MeterChange, MeterRecord, MetersRepo } from '../../db/repos/meters-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { PriceRecord, PricesRepo } from '../../db/repos/prices-repo';
import type { SalePlace, SalesRepo } from '../../db/repos/sales-repo';
import {
  meterPanFromDrn, parseDrn, type CreditSubclass, type StaTables, type StsMeter,
  type TokenIssuer,
} from '../../sts';
import type { VendPasswordCheck } from '../access/vend-password-check';
import type { AuditLog } from '../audit-log';
import type { KeyStore } from '../key-store';
import { kitSecretName } from '../library/meter-service';
import type { Logger } from '../logger';
import type { Session } from '../session-store';
import type { SettingsService } from '../settings-service';
import type { Terminal } from '../terminal';
import { vendingKeyName } from '../vending-keys';
import type { ClockGuard } from './clock-guard';
import { issued } from './issued';
import { receiptOfSale } from './sale-receipt';
import { allocateTid } from './tid-allocation';
import { quoteVend, parseUnitsText, type VendAccount, type VendAccountSource, type VendFigures } from './vend-quote';
import type { ReceiptSale } from '../../../shared/receipt/records';

/**
 * The vend (V1): money in, a correct token out, exactly once, whatever crashes (architecture.md invariants 1-4, 8, 9;
 * reliability.md section 3 "Required ordering for a vend").
 *
 *   1. Validate the request and check the vend password (slow on purpose, so before the transaction; wrong passwords
 *      count and lock like login failures, separately).
 *   2. One BEGIN IMMEDIATE transaction: the same request id returns the first sale; the clock check; the account, meter
 *      and price read afresh (a price version that moved since the quote is refused); the figures; the next TID for
 *      the meter and base date; the tokens from the TokenIssuer (the key-change set first when the meter has pending
 *      key parameters, then the credit token with the new key); the sale row with its tokens, the meter's new last
 *      TID (or the kit's count, or its new current key), the audit row and the outbox rows. Any refusal throws and
 *      rolls everything back: nothing is written.
 *   3. Only after the commit is the sale returned, and then printed (a print failure never touches the sale).
 */
export interface VendService {
  quote(input: VendQuoteInput): VendQuote;
  confirm(input: VendConfirmInput, session: Session): Promise<VendConfirmResult>;
}

/** What the vend needs of the print service (P1). */
export interface SalePrinter {
  autoPrint(): boolean;
  printSaleReceipt(sale: ReceiptSale, options: { sourceId: string; actor: string; copy?: boolean }): Promise<unknown>;
}

export interface VendServiceDeps {
  sqlite: Database.Database;
  sales: SalesRepo;
  meters: MetersRepo;
  prices: PricesRepo;
  accounts: VendAccountSource;
  issuer: TokenIssuer;
  keyStore: KeyStore;
  /** The loaded STA tables (undefined: the standard's sample tables). */
  staTables: () => StaTables | undefined;
  vendPassword: VendPasswordCheck;
  audit: AuditLog;
  outbox: OutboxRepo;
  settings: SettingsService;
  clockGuard: ClockGuard;
  terminal: Terminal;
  printer: SalePrinter;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** The 4-bit random number of STS tokens (default: crypto.randomInt). */
  rnd?: () => number;
}

type GeneralSettings = AllSettings['general'];

const CREDIT_SUBCLASS: Readonly<Record<'electricity' | 'water' | 'gas', CreditSubclass>> = { electricity: 0, water: 1, gas: 2 };

function refuse(message: string): never {
  throw new AppFailure('VALIDATION', message);
}

function paddedSeq(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function createVendService(deps: VendServiceDeps): VendService {
  const rnd = deps.rnd ?? (() => randomInt(16));
  /** The fingerprint of each kit secret the issuer has prepared: a replaced secret makes it forget its cache. */
  const kitSecrets = new Map<string, string>();

  const loadRecords = (accountId: string): { account: VendAccount; meter: MeterRecord; price: PriceRecord } => {
    const account = deps.accounts.forVend(accountId);
    if (!account) throw new AppFailure('NOT_FOUND', 'This account is no longer in the Account Library; search for the customer again.');
    const meter = deps.meters.byId(account.meterId);
    if (!meter) throw new AppFailure('NOT_FOUND', `The meter of account ${account.accountNo} is no longer in the Meter Library; correct the account.`);
    const price = deps.prices.byId(account.priceId);
    if (!price) throw new AppFailure('NOT_FOUND', `The price of account ${account.accountNo} is no longer in the Price Library; correct the account.`);
    return { account, meter, price };
  };

  const checkClock = (now: Date, general: GeneralSettings) => deps.clockGuard.check(now, general.clockToleranceMinutes);

  /** The key store is unlocked and holds the key the vend will use (the vending key of the credit key, or the kit's secret). */
  const requireKeys = (meter: MeterRecord) => {
    const status = deps.keyStore.status();
    if (status.state !== 'unlocked') throw new AppFailure('KEY_STORE_LOCKED', status.message);
    if (meter.scheme === 'OpenPAYGO') {
      const name = kitSecretName(meter.id);
      if (!deps.keyStore.list(name).some((entry) => entry.name === name)) {
        throw new AppFailure('KEY_UNAVAILABLE', `Home solar kit ${meter.meterNo} has no OpenPAYGO secret in the key store; set its secret in the Meter Library.`);
      }
      return;
    }
    const wanted = [meter.keys, meter.pendingKeys].filter((k): k is KeyParams => k !== null);
    for (const k of wanted) {
      const name = vendingKeyName(k);
      if (!deps.keyStore.list(name).some((entry) => entry.name === name)) {
        throw new AppFailure(
          'KEY_UNAVAILABLE',
          `No vending key for supply group ${k.sgc}, key revision ${k.krn}, key type ${k.keyType} (${k.dkga}, base date ${k.baseYear}) is in the key store; load it in Advanced Center - Vending Keys.`,
        );
      }
    }
  };

  const quoteFor = (records: { account: VendAccount; meter: MeterRecord; price: PriceRecord }, by: VendQuoteInput['by'], amount: string, general: GeneralSettings): VendFigures =>
    quoteVend({ ...records, by, amount, perVendCeiling: general.perVendCeiling });

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

  /** The same request id again: the first sale, when the request says the same thing. */
  const replayOf = (existing: Sale, input: VendConfirmInput): Sale => {
    let same = existing.accountId === input.accountId && existing.by === input.by;
    if (same && input.by === 'money') {
      const paid = parseAmount(input.amount, existing.currency);
      same = paid.ok && paid.minor === BigInt(existing.paidMinor);
    } else if (same) {
      const units = parseUnitsText(input.amount, existing.unit);
      same = units.ok && floorToCarriable(units.tenths, existing.scheme) === BigInt(existing.unitsTenths);
    }
    if (!same) {
      throw new AppFailure('CONFLICT', `This confirmation was already used for receipt ${existing.receiptNo} with other figures; start a new sale.`);
    }
    return existing;
  };

  type MintedTokens = {
    tokens: SaleToken[];
    tid: number | null;
    baseYear: number | null;
    tidDate: string | null;
    tidTimeZone: string | null;
    keyParams: string | null;
    kitCount: number | null;
    /** The key-change set bundled before the credit token, or null. */
    keyChange: KeyChangePlan | null;
    /** The meter row as it must be after the sale (new current key or kit count), or null when only its TID moves. */
    meterChange: MeterChange | null;
  };

  /** Issues the sale's tokens and writes the meter's new TID. Inside the transaction. */
  const mint = (meter: MeterRecord, unitsTenths: number, now: Date, timeZone: string): MintedTokens => {
    const nowText = now.toISOString();
    if (meter.scheme === 'OpenPAYGO') {
      const kit = meter.kit;
      if (kit === null || kit.startingCode === null) refuse(`Home solar kit ${meter.meterNo} has no OpenPAYGO starting code; set it in the Meter Library.`);
      const name = kitSecretName(meter.id);
      const fingerprint = deps.keyStore.list(name).find((entry) => entry.name === name)?.fingerprint ?? '';
      const known = kitSecrets.get(meter.id);
      if (known !== undefined && known !== fingerprint) deps.issuer.forgetKeys();
      kitSecrets.set(meter.id, fingerprint);
      const days = unitsTenths / 10;
      const code = issued(meter.meterNo, deps.issuer.credit({
        meter: { scheme: 'OPENPAYGO', meterId: meter.id, startingCode: Number.parseInt(kit.startingCode, 10) },
        days,
        count: kit.count,
      }));
      return {
        tokens: [{ role: 'credit', digits: code.code, tid: null }],
        tid: null, baseYear: null, tidDate: null, tidTimeZone: null, keyParams: null, kitCount: code.newCount, keyChange: null,
        meterChange: { meterType: meter.meterType, profileId: meter.profileId, keys: meter.keys, pendingKeys: meter.pendingKeys, kit: { ...kit, count: code.newCount }, active: meter.active },
      };
    }
    const current = meter.keys;
    if (current === null) refuse(`Meter ${meter.meterNo} has no key parameters; set them in the Meter Library before vending.`);
    const pending = meter.pendingKeys;
    const tokens: SaleToken[] = [];
    let keyChange: KeyChangePlan | null = null;
    if (pending !== null) {
      const rollover = pending.baseYear !== current.baseYear;
      const set = issued(meter.meterNo, deps.issuer.keyChange({ meter: stsMeterOf(meter, current), next: stsMeterOf(meter, pending).key, rollover }));
      for (const token of set.tokens) tokens.push({ role: 'key-change', digits: token.tokenNumber, tid: null });
      keyChange = { from: describeKeyParams(current), to: describeKeyParams(pending), rollover, tokens: set.tokens.length };
    }
    const creditKey = pending ?? current;
    const last = deps.meters.lastTids(meter.id).find((row) => row.baseYear === creditKey.baseYear)?.tid ?? null;
    let allocation: ReturnType<typeof allocateTid>;
    try {
      allocation = allocateTid({ now, timeZone, baseYear: creditKey.baseYear, lastTid: last });
    } catch (error) {
      if (error instanceof RangeError) refuse(`The TID time zone setting "${timeZone}" is not a time zone this computer knows; fix it in Settings - General.`);
      throw error;
    }
    if (!allocation.ok) {
      throw new AppFailure(allocation.problem === 'CLOCK' ? 'CLOCK_BEHIND' : allocation.problem === 'KEY_EXPIRED' ? 'KEY_EXPIRED' : 'VALIDATION', `Meter ${meter.meterNo}: ${allocation.message}`);
    }
    const meterType = meter.meterType === 'solar-kit' ? refuse(`Meter ${meter.meterNo} is a home solar kit but has STS keys; correct its model in the Meter Library.`) : meter.meterType;
    const credit = issued(meter.meterNo, deps.issuer.credit({
      meter: stsMeterOf(meter, creditKey),
      subclass: CREDIT_SUBCLASS[meterType],
      amountTenths: unitsTenths,
      tid: allocation.tid,
      rnd: rnd(),
    }));
    if (credit.value !== unitsTenths) {
      throw new Error(`the credit token carries ${String(credit.value)} tenths, not the ${unitsTenths} of the quote`);
    }
    tokens.push({ role: 'credit', digits: credit.tokenNumber, tid: allocation.tid });
    deps.meters.setLastTid(meter.id, creditKey.baseYear, allocation.tid, nowText);
    return {
      tokens,
      tid: allocation.tid,
      baseYear: creditKey.baseYear,
      tidDate: allocation.tidDate,
      tidTimeZone: timeZone,
      keyParams: describeKeyParams(creditKey),
      kitCount: null,
      keyChange,
      meterChange: pending === null ? null : { meterType: meter.meterType, profileId: meter.profileId, keys: pending, pendingKeys: null, kit: meter.kit, active: meter.active },
    };
  };

  const placeOf = (): SalePlace => {
    const identity = deps.terminal.identity();
    if (!identity) throw new AppFailure('SETUP_REQUIRED', 'This terminal is not set up yet; finish the first-run setup before vending.');
    const place = deps.sales.place(identity.stationId);
    if (place) return place;
    return { stationId: identity.stationId, stationCode: identity.stationCode, stationName: identity.stationName, districtId: identity.districtId, districtCode: '', districtName: '' };
  };

  /** The sale transaction: returns the sale and whether it was already there. */
  const commitSale = (input: VendConfirmInput, session: Session, general: GeneralSettings): { sale: Sale; replayed: boolean } =>
    writeTransaction(deps.sqlite, () => {
      const existing = deps.sales.byIdempotencyKey(input.idempotencyKey);
      if (existing) return { sale: replayOf(existing, input), replayed: true };
      const now = deps.clock.now();
      checkClock(now, general);
      const records = loadRecords(input.accountId);
      if (records.price.version !== input.priceVersion) {
        throw new AppFailure('PRICE_CHANGED', `The price changed since the quote (now version ${records.price.version} of "${records.price.name}"). Quote again.`);
      }
      const { quote } = quoteFor(records, input.by, input.amount, general);
      requireKeys(records.meter);
      const minted = mint(records.meter, quote.unitsTenths, now, general.tidTimeZone);
      const nowText = now.toISOString();
      const place = placeOf();
      const receiptSeq = deps.sales.nextSequence(`receipt:${place.stationCode}`, nowText);
      const transactionSeq = deps.sales.nextSequence(`transaction:${place.stationCode}`, nowText);
      const { account, meter, price } = records;
      const sale: Sale = {
        id: deps.ids.newId(),
        receiptNo: `${place.stationCode}-${paddedSeq(receiptSeq, 6)}`,
        transactionNo: `${place.stationCode}-T${paddedSeq(transactionSeq, 8)}`,
        soldAt: nowText,
        ...place,
        accountId: account.id,
        accountNo: account.accountNo,
        customerId: account.customerId,
        customerNo: account.customerNo,
        customerName: account.customerName,
        meterId: meter.id,
        meterNo: meter.meterNo,
        meterType: meter.meterType,
        scheme: meter.scheme,
        priceId: price.id,
        priceName: price.name,
        priceVersion: price.version,
        pricePerUnit: price.pricePerUnit,
        currency: price.currency,
        taxMode: price.taxMode,
        vatBp: price.vatBp,
        vatMinor: quote.vatMinor,
        exciseBp: price.exciseBp,
        exciseMinor: quote.exciseMinor,
        by: input.by,
        paidMinor: quote.paidMinor,
        chargeMinor: quote.chargeMinor,
        roundingMinor: quote.roundingMinor,
        unitsTenths: quote.unitsTenths,
        unit: quote.unit,
        paymentType: input.paymentType,
        operatorId: session.userId,
        operatorLoginId: session.loginId,
        operatorName: session.name,
        shift: `${session.loginId}@${session.createdAt.toISOString()}`,
        tid: minted.tid,
        baseYear: minted.baseYear,
        tidDate: minted.tidDate,
        tidTimeZone: minted.tidTimeZone,
        keyParams: minted.keyParams,
        keyChange: minted.keyChange,
        kitCount: minted.kitCount,
        tokens: minted.tokens,
      };
      deps.sales.insert(sale, input.idempotencyKey, receiptSeq);
      const txId = deps.ids.newId();
      deps.outbox.append({ txId, kind: 'sale.created', payload: { table: 'sales', row: sale }, idempotencyKey: sale.id }, nowText);
      if (minted.meterChange !== null) {
        if (!deps.meters.update(meter.id, meter.version, minted.meterChange, nowText)) throw new Error(`meter ${meter.meterNo} changed inside the vend transaction`);
        const version = meter.version + 1;
        deps.outbox.append({ txId, kind: 'master.upsert', payload: { table: 'meters', row: deps.meters.syncRow(meter.id) }, idempotencyKey: `meters:${meter.id}:${version}` }, nowText);
      }
      deps.audit.append({
        actor: session.loginId,
        action: 'vend',
        target: sale.id,
        details: {
          receiptNo: sale.receiptNo,
          transactionNo: sale.transactionNo,
          accountNo: sale.accountNo,
          meterNo: sale.meterNo,
          paidMinor: sale.paidMinor,
          currency: sale.currency,
          unitsTenths: sale.unitsTenths,
          unit: sale.unit,
          paymentType: sale.paymentType,
          tid: sale.tid,
          baseYear: sale.baseYear,
          kitCount: sale.kitCount,
          tokens: sale.tokens.length,
          keyChange: sale.keyChange,
        },
      });
      deps.clockGuard.record(now);
      return { sale, replayed: false };
    });

  const isDuplicateRequest = (error: unknown): boolean =>
    error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('sales.idempotency_key');

  return {
    quote(input) {
      const general = deps.settings.section('general');
      checkClock(deps.clock.now(), general);
      const records = loadRecords(input.accountId);
      const figures = quoteFor(records, input.by, input.amount, general);
      requireKeys(records.meter);
      return figures.quote;
    },

    async confirm(input, session) {
      const general = deps.settings.section('general');
      const paymentTypes = general.paymentTypes;
      if (!paymentTypes.includes(input.paymentType)) refuse(`Payment type: choose one of ${paymentTypes.join(', ')}.`);
      await deps.vendPassword.verify(session, input.vendPassword, 'vend.password');
      let outcome: { sale: Sale; replayed: boolean };
      try {
        outcome = commitSale(input, session, general);
      } catch (error) {
        // Another writer committed this request id between our lookup and insert: its sale is the answer.
        if (!isDuplicateRequest(error)) throw error;
        const existing = deps.sales.byIdempotencyKey(input.idempotencyKey);
        if (!existing) throw error;
        outcome = { sale: replayOf(existing, input), replayed: true };
      }
      let printQueued = false;
      if (!outcome.replayed && deps.printer.autoPrint()) {
        printQueued = true;
        const receipt = receiptOfSale(outcome.sale, deps.settings.section('company').companyName);
        deps.printer.printSaleReceipt(receipt, { sourceId: outcome.sale.id, actor: session.loginId }).catch((error: unknown) => {
          deps.logger.error(`the receipt of sale ${outcome.sale.receiptNo} did not print`, error);
        });
      }
      return { sale: outcome.sale, replayed: outcome.replayed, printQueued };
    },
  };
}
