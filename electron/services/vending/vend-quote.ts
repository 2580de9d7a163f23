import { AppFailure } from '../../../shared/errors/result';
import { minorDigits } from '../../../shared/format/currencies';
import { formatAmount, parseAmount } from '../../../shared/format/money';
import { METER_KIND_LABEL, UNIT_OF_METER_KIND } from '../../../shared/format/units';
import type { KeyChangePlan, Levy, VendBy, VendQuote } from '../../../shared/ipc/vending-schemas';
import { describeKeyParams } from '../../../shared/library/key-params';
import { purchaseLimitProblem, quoteByMoney, quoteByUnit, type Quote } from '../../../shared/money';
import type { MeterRecord } from '../../db/repos/meters-repo';
import type { PriceRecord } from '../../db/repos/prices-repo';

/**
 * The quote of a vend (V1): what the account's price makes of the amount typed, through shared/money's rules (never
 * re-implemented here), with the price's minimum and maximum purchase and the terminal's per-vend ceiling applied.
 * The same function answers vend.quote and, inside the confirm's transaction, decides the sale's figures, so the
 * receipt equals the quote the cashier confirmed.
 */
export interface VendAccount {
  id: string;
  accountNo: string;
  active: boolean;
  customerId: string;
  customerNo: string;
  customerName: string;
  customerAddress: string;
  customerActive: boolean;
  meterId: string;
  priceId: string;
}

/** Where the vend finds an account's customer, meter and price ids (L2's Account Library). */
export interface VendAccountSource {
  forVend(accountId: string): VendAccount | null;
}

export interface QuoteContext {
  account: VendAccount;
  meter: MeterRecord;
  price: PriceRecord;
  by: VendBy;
  amount: string;
  /** settings general.perVendCeiling, a decimal in the major unit of the sale's currency ("5000"). */
  perVendCeiling: string;
}

export interface VendFigures {
  quote: VendQuote;
  /** shared/money's quote, exact (bigint) figures. */
  exact: Quote;
}

function refuse(message: string): never {
  throw new AppFailure('VALIDATION', message);
}

/** Units as typed ("8.7", "1", "30") in tenths; at most one decimal. */
export function parseUnitsText(text: string, unit: string): { ok: true; tenths: bigint } | { ok: false; problem: string } {
  const match = /^(\d+)(?:\.(\d?))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) {
    const tooMany = /^\d*\.\d{2,}$/.test(text.trim());
    return { ok: false, problem: tooMany ? `Amount: units have at most one decimal (0.1 ${unit}).` : `Amount: type the units with digits, such as 8.7 (${unit}).` };
  }
  return { ok: true, tenths: BigInt(match[1] ?? '0') * 10n + BigInt(match[2] === undefined || match[2] === '' ? '0' : match[2]) };
}

/** The per-vend ceiling in minor units of `currency` (the setting is a decimal with up to 4 places; a fraction below the minor unit is dropped). */
export function ceilingMinor(ceiling: string, digits: number): bigint {
  const match = /^(\d{1,9})(?:\.(\d{1,4}))?$/.exec(ceiling.trim());
  if (!match) throw new AppFailure('VALIDATION', `The per-vend ceiling setting "${ceiling}" is not an amount; fix it in Settings - General.`);
  const scaled = BigInt(`${match[1] ?? '0'}${(match[2] ?? '').padEnd(4, '0')}`);
  return digits >= 4 ? scaled * 10n ** BigInt(digits - 4) : scaled / 10n ** BigInt(4 - digits);
}

function toNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) refuse(`${what} is too large for one sale; sell it as several smaller amounts.`);
  return n;
}

/** The key change a vend will bundle, or null when the meter has no pending key parameters. */
export function keyChangePlanOf(meter: MeterRecord): KeyChangePlan | null {
  if (meter.scheme !== 'STS' || meter.keys === null || meter.pendingKeys === null) return null;
  return {
    from: describeKeyParams(meter.keys),
    to: describeKeyParams(meter.pendingKeys),
    rollover: meter.pendingKeys.baseYear !== meter.keys.baseYear,
    tokens: meter.pendingKeys.algorithm === 'EA11' ? 4 : 2,
  };
}

/**
 * The quote for an account. Throws AppFailure (VALIDATION) with a sentence naming the field or the limit when the
 * account cannot be sold to or the amount is outside a limit.
 */
export function quoteVend(context: QuoteContext): VendFigures {
  const { account, meter, price, by } = context;
  if (!account.active) refuse(`Account ${account.accountNo} is inactive; activate it in the Account Library before vending.`);
  if (!account.customerActive) refuse(`Customer ${account.customerNo} is inactive; activate the customer in the Customer Library before vending.`);
  if (!meter.active) refuse(`Meter ${meter.meterNo} is inactive; activate it in the Meter Library before vending.`);
  if (!price.active) refuse(`The price "${price.name}" is inactive; give account ${account.accountNo} an active price in the Account Library.`);
  if (price.meterType !== meter.meterType) {
    refuse(`The price "${price.name}" is for a ${METER_KIND_LABEL[price.meterType]}, but meter ${meter.meterNo} is a ${METER_KIND_LABEL[meter.meterType]}; give account ${account.accountNo} a matching price.`);
  }
  if (meter.scheme === 'STS' && meter.keys === null) refuse(`Meter ${meter.meterNo} has no key parameters; set them in the Meter Library before vending.`);

  const unit = UNIT_OF_METER_KIND[meter.meterType];
  const terms = { currency: price.currency, pricePerUnit: price.pricePerUnit, vatBp: price.vatBp, exciseBp: price.exciseBp, taxMode: price.taxMode };
  const target = { scheme: meter.scheme, unit };
  let result: ReturnType<typeof quoteByMoney>;
  try {
    if (by === 'money') {
      const paid = parseAmount(context.amount, price.currency);
      if (!paid.ok) refuse(`Amount: ${paid.problem}`);
      result = quoteByMoney(terms, paid.minor, target);
    } else {
      const units = parseUnitsText(context.amount, unit);
      if (!units.ok) refuse(units.problem);
      result = quoteByUnit(terms, units.tenths, target);
    }
  } catch (error) {
    if (error instanceof RangeError) refuse(`The price "${price.name}" cannot be used (${error.message}); correct it in the Price Library.`);
    throw error;
  }
  if (!result.ok) refuse(`Amount: ${result.message}`);
  const exact = result.quote;

  const limit = purchaseLimitProblem(exact.paid, price.currency, price.minPurchase, price.maxPurchase);
  if (limit !== null) refuse(limit);
  const ceiling = ceilingMinor(context.perVendCeiling, minorDigits(price.currency));
  if (exact.paid > ceiling) {
    refuse(`The per-vend ceiling of this terminal is ${formatAmount(ceiling, price.currency)}; sell it as several smaller amounts (the ceiling is in Settings - General).`);
  }

  const levies: Levy[] = [{ name: 'VAT', rateBp: price.vatBp, amountMinor: toNumber(exact.levies.vat, 'VAT') }];
  if (price.exciseBp > 0 || exact.levies.excise > 0n) levies.push({ name: 'Excise', rateBp: price.exciseBp, amountMinor: toNumber(exact.levies.excise, 'Excise') });
  const quote: VendQuote = {
    accountId: account.id,
    accountNo: account.accountNo,
    customerNo: account.customerNo,
    customerName: account.customerName,
    customerAddress: account.customerAddress,
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
    by,
    paidMinor: toNumber(exact.paid, 'The amount paid'),
    levies,
    vatMinor: toNumber(exact.levies.vat, 'VAT'),
    exciseMinor: toNumber(exact.levies.excise, 'Excise'),
    chargeMinor: toNumber(exact.chargeValue, 'The charge value'),
    unitsTenths: toNumber(exact.units, 'The units'),
    roundingMinor: toNumber(exact.rounding, 'The rounding amount'),
    unit,
    minPurchaseMinor: price.minPurchase,
    maxPurchaseMinor: price.maxPurchase,
    perVendCeilingMinor: toNumber(ceiling, 'The per-vend ceiling'),
    keyChange: keyChangePlanOf(meter),
  };
  return { quote, exact };
}
