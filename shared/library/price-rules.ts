import { isIsoCurrency } from '../format/currencies';
import { parseAmount } from '../format/money';
import { METER_KINDS, type MeterKind } from '../format/units';
import { BASIS_POINTS, parsePricePerUnit, parseRatePercent, TAX_MODES, type TaxMode } from '../money';

/**
 * The Price Library's rules: a price form's text fields made into the integers a price is stored as (price per unit
 * at 1/10,000, rates in basis points, purchase limits in minor units), or the first field at fault with a sentence.
 * The form runs this for its field errors, and main runs it again before saving: a supervisor cannot save a price
 * that breaks the rules.
 */
export interface PriceForm {
  name: string;
  meterType: string;
  categoryId: string;
  pricePerUnit: string;
  currency: string;
  vatRate: string;
  exciseRate: string;
  taxMode: string;
  minPurchase: string;
  /** Empty: no maximum. */
  maxPurchase: string;
}

export interface PriceValues {
  name: string;
  meterType: MeterKind;
  categoryId: string;
  pricePerUnit: number;
  currency: string;
  vatBp: number;
  exciseBp: number;
  taxMode: TaxMode;
  minPurchase: number;
  maxPurchase: number | null;
}

export type PriceField = keyof PriceForm;

export const PRICE_FIELD_LABEL: Readonly<Record<PriceField, string>> = {
  name: 'Name',
  meterType: 'Meter type',
  categoryId: 'Customer category',
  pricePerUnit: 'Price per unit',
  currency: 'Currency',
  vatRate: 'VAT rate (%)',
  exciseRate: 'Excise rate (%)',
  taxMode: 'Tax mode',
  minPurchase: 'Minimum purchase',
  maxPurchase: 'Maximum purchase',
};

export const TAX_MODE_LABEL: Readonly<Record<TaxMode, string>> = {
  'tax-inclusive': 'Tax-inclusive',
  'vendor-compatible': 'Vendor-compatible (as the seed)',
};

/** The largest purchase limit accepted, in minor units (a safe integer with room to spare). */
const MAX_LIMIT_MINOR = 1_000_000_000_000n;

export type PriceFormResult = { ok: true; value: PriceValues } | { ok: false; field: PriceField; problem: string };

function fail(field: PriceField, problem: string): PriceFormResult {
  return { ok: false, field, problem };
}

function isMeterKind(value: string): value is MeterKind {
  return (METER_KINDS as readonly string[]).includes(value);
}

function isTaxMode(value: string): value is TaxMode {
  return (TAX_MODES as readonly string[]).includes(value);
}

/** Checks a price form; `categoryIds` are the categories that exist. */
export function checkPriceForm(form: PriceForm, categoryIds: readonly string[]): PriceFormResult {
  const name = form.name.trim();
  if (name === '') return fail('name', 'Type a name for the price, such as "1 USD, 13 %".');
  if (name.length > 80) return fail('name', 'The name is at most 80 characters.');
  if (!isMeterKind(form.meterType)) return fail('meterType', 'Choose the meter type this price is for.');
  if (!categoryIds.includes(form.categoryId)) return fail('categoryId', 'Choose the customer category this price is for.');
  const price = parsePricePerUnit(form.pricePerUnit);
  if (!price.ok) return fail('pricePerUnit', price.problem);
  const currency = form.currency.trim().toUpperCase();
  if (!isIsoCurrency(currency)) return fail('currency', 'Choose a currency from the ISO 4217 list.');
  const vat = parseRatePercent(form.vatRate.trim() === '' ? '0' : form.vatRate);
  if (!vat.ok) return fail('vatRate', vat.problem);
  const excise = parseRatePercent(form.exciseRate.trim() === '' ? '0' : form.exciseRate);
  if (!excise.ok) return fail('exciseRate', excise.problem);
  if (!isTaxMode(form.taxMode)) return fail('taxMode', 'Choose the tax mode.');
  if (form.taxMode === 'vendor-compatible' && vat.value + excise.value >= BASIS_POINTS) {
    return fail('exciseRate', 'In the vendor-compatible mode VAT and excise together must be below 100 %.');
  }
  const min = parseAmount(form.minPurchase.trim() === '' ? '0' : form.minPurchase, currency);
  if (!min.ok) return fail('minPurchase', min.problem);
  if (min.minor > MAX_LIMIT_MINOR) return fail('minPurchase', 'The minimum purchase is too large.');
  let max: bigint | null = null;
  if (form.maxPurchase.trim() !== '') {
    const parsed = parseAmount(form.maxPurchase, currency);
    if (!parsed.ok) return fail('maxPurchase', parsed.problem);
    if (parsed.minor > MAX_LIMIT_MINOR) return fail('maxPurchase', 'The maximum purchase is too large.');
    if (parsed.minor === 0n) return fail('maxPurchase', 'The maximum purchase must be more than 0, or left empty for no maximum.');
    if (parsed.minor < min.minor) return fail('maxPurchase', 'The maximum purchase must not be below the minimum purchase.');
    max = parsed.minor;
  }
  return {
    ok: true,
    value: {
      name,
      meterType: form.meterType,
      categoryId: form.categoryId,
      pricePerUnit: Number(price.value),
      currency,
      vatBp: Number(vat.value),
      exciseBp: Number(excise.value),
      taxMode: form.taxMode,
      minPurchase: Number(min.minor),
      maxPurchase: max === null ? null : Number(max),
    },
  };
}
