import { currencyLabel, minorDigits } from './currencies';

/**
 * Money as text. Amounts are integer minor units of their currency (architecture.md invariant 4); this module only
 * places the decimal point by the currency's ISO 4217 digits and never goes through a float: 1000 USD-cents is
 * "10.00 USD", 1000 JPY is "1000 JPY", 1000 KWD-fils is "1.000 KWD".
 */
export interface AmountFormatOptions {
  /** The site's names for currencies (company settings `currencyDisplay`), e.g. { CNY: 'RMB' }. */
  display?: Readonly<Record<string, string>>;
  /** Group thousands with a comma ("12,345.00"); off by default, as on the vendor's receipts. */
  groupThousands?: boolean;
}

function toBigInt(amountMinor: number | bigint): bigint {
  if (typeof amountMinor === 'bigint') return amountMinor;
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`an amount in minor units must be a safe integer, not ${amountMinor}`);
  return BigInt(amountMinor);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The number part only: 1050 USD -> "10.50". */
export function formatAmountNumber(amountMinor: number | bigint, currency: string, options: AmountFormatOptions = {}): string {
  const value = toBigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const scale = minorDigits(currency);
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  const wholeText = options.groupThousands ? group(whole) : whole;
  return `${negative ? '-' : ''}${wholeText}${scale > 0 ? `.${fraction}` : ''}`;
}

/** "10.00 USD"; with a display name for the currency, "10.00 RMB" for CNY. */
export function formatAmount(amountMinor: number | bigint, currency: string, options: AmountFormatOptions = {}): string {
  return `${formatAmountNumber(amountMinor, currency, options)} ${currencyLabel(currency, options.display)}`;
}

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; problem: string };

/**
 * Reads an amount typed by an operator ("10", "10.5", "1,000.00") into integer minor units of the currency.
 * Refuses more decimals than the currency has (no silent rounding of money), signs, and anything but digits.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const cleaned = text.trim().replace(/,/g, '');
  const scale = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, problem: 'Type an amount with digits and at most one decimal point, such as 10 or 10.50.' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    return {
      ok: false,
      problem: scale === 0 ? `${currency} has no decimals: type a whole amount.` : `${currency} has ${scale} decimals: type at most ${scale} after the point.`,
    };
  }
  return { ok: true, minor: BigInt(whole + fraction.padEnd(scale, '0')) };
}
