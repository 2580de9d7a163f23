// Meter numbers (sts-spec.md sections 6.1 and 7). A DRN is 11 digits (2-digit manufacturer code, 8-digit serial, Luhn
// check digit) or 13 digits (4-digit manufacturer code). The 18-digit MeterPAN is IIN + DRN + a Luhn digit over the
// 17 before it, with IIN 600727 for 11-digit DRNs and 0000 for 13-digit DRNs. The PANBlock is the MeterPAN without
// its first and last digits (for key type 3 the DRN digits become zeros); the CONTROLBlock is
// KT(1) SGC(6) TI(2) KRN(1) FFFFFF. Both blocks are 16 digits read as 16 hex nibbles.
// Luhn catches every single-digit error and every adjacent transposition except 09 <-> 90.
import { parseHexBytes } from './hex';
import { fail, ok, requireIntInRange, StsInputError, unwrapOrThrow, type StsResult } from './result';

export type KeyType = 0 | 1 | 2 | 3;

export const IIN_11_DIGIT_DRN = '600727';
export const IIN_13_DIGIT_DRN = '0000';

/** A Luhn-valid decoder reference number. */
export type Drn = Readonly<{ digits: string; length: 11 | 13 }>;

/** A Luhn-valid 18-digit MeterPAN and the parts it is made of. */
export type MeterPan = Readonly<{ pan: string; iin: typeof IIN_11_DIGIT_DRN | typeof IIN_13_DIGIT_DRN; drn: string }>;

/** The Luhn (mod 10) check digit for a string of digits. */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new StsInputError('digits', 'a Luhn payload is made of the digits 0-9 only.');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the Luhn check digit of the ones before it. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

function stripSeparators(text: string, field: string, what: string): StsResult<string> {
  const bad = /[^0-9 -]/.exec(text);
  if (bad) return fail(field, `contains "${bad[0]}"; ${what} is made of digits only (spaces and dashes allowed).`);
  return ok(text.replace(/[ -]/g, ''));
}

/** Parses an 11- or 13-digit DRN and checks its Luhn digit. */
export function parseDrn(text: string, field = 'drn'): StsResult<Drn> {
  const stripped = stripSeparators(text, field, 'a meter number');
  if (!stripped.ok) return stripped;
  const digits = stripped.value;
  if (digits.length !== 11 && digits.length !== 13) {
    return fail(field, `has ${digits.length} digits; a meter number (DRN) has 11 or 13.`);
  }
  if (!isLuhnValid(digits)) {
    return fail(field, `${digits} fails its check digit (the last digit); look for a mistyped or swapped digit.`);
  }
  return ok({ digits, length: digits.length === 11 ? 11 : 13 });
}

/** The 18-digit MeterPAN for a DRN. */
export function meterPanFromDrn(drn: Drn): MeterPan {
  const iin = drn.length === 11 ? IIN_11_DIGIT_DRN : IIN_13_DIGIT_DRN;
  const body = iin + drn.digits;
  return { pan: body + String(luhnCheckDigit(body)), iin, drn: drn.digits };
}

/** Parses an 18-digit MeterPAN: its own Luhn digit, a known IIN, and the Luhn digit of the DRN inside. */
export function parseMeterPan(text: string, field = 'pan'): StsResult<MeterPan> {
  const stripped = stripSeparators(text, field, 'a MeterPAN');
  if (!stripped.ok) return stripped;
  const pan = stripped.value;
  if (pan.length !== 18) return fail(field, `has ${pan.length} digits; a MeterPAN has 18.`);
  if (!isLuhnValid(pan)) return fail(field, `${pan} fails its check digit (the last digit); look for a mistyped or swapped digit.`);
  let iin: MeterPan['iin'];
  if (pan.startsWith(IIN_11_DIGIT_DRN)) iin = IIN_11_DIGIT_DRN;
  else if (pan.startsWith(IIN_13_DIGIT_DRN)) iin = IIN_13_DIGIT_DRN;
  else return fail(field, `${pan} starts with neither IIN 600727 (11-digit meter numbers) nor 0000 (13-digit).`);
  const drn = pan.slice(iin.length, 17);
  if (!isLuhnValid(drn)) return fail(field, `the meter number ${drn} inside ${pan} fails its check digit.`);
  return ok({ pan, iin, drn });
}

/** The 16-digit PANBlock (as a digit string); key type 3 (common key) zeroes the DRN digits. */
export function panBlockDigits(pan: MeterPan, keyType: KeyType): string {
  requireIntInRange('keyType', keyType, 0, 3);
  const iinTail = pan.iin.slice(1);
  return keyType === 3 ? iinTail + '0'.repeat(pan.drn.length) : iinTail + pan.drn;
}

export function panBlock(pan: MeterPan, keyType: KeyType): Uint8Array {
  return unwrapOrThrow(parseHexBytes(panBlockDigits(pan, keyType), 'panBlock', 8));
}

/** The key parameters that go into the CONTROLBlock. */
export type ControlBlockInput = Readonly<{
  keyType: KeyType;
  /** Supply group code, exactly 6 digits. */
  sgc: string;
  /** Tariff index, 0-99. */
  ti: number;
  /** Key revision number, 1-9. */
  krn: number;
}>;

/**
 * The 16-digit CONTROLBlock KT(1) SGC(6) TI(2) KRN(1) FFFFFF.
 * @throws StsInputError when a parameter is out of range.
 */
export function controlBlockDigits(input: ControlBlockInput): string {
  requireIntInRange('keyType', input.keyType, 0, 3);
  if (!/^\d{6}$/.test(input.sgc)) throw new StsInputError('sgc', `must be 6 digits, got "${input.sgc}".`);
  requireIntInRange('ti', input.ti, 0, 99);
  requireIntInRange('krn', input.krn, 1, 9);
  return `${input.keyType}${input.sgc}${String(input.ti).padStart(2, '0')}${input.krn}FFFFFF`;
}

export function controlBlock(input: ControlBlockInput): Uint8Array {
  return unwrapOrThrow(parseHexBytes(controlBlockDigits(input), 'controlBlock', 8));
}

/** Parses a supply group code: exactly 6 digits. */
export function parseSgc(text: string, field = 'sgc'): StsResult<string> {
  return /^\d{6}$/.test(text) ? ok(text) : fail(field, `"${text}" is not a supply group code; it must be exactly 6 digits.`);
}
