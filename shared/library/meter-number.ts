/**
 * Meter numbers as the Meter Library checks them (sts-spec.md section 7; reliability.md R19). An STS meter number is
 * its DRN: 11 digits (2-digit manufacturer code, 8-digit serial, Luhn check digit) or 13 digits (4-digit code). A home
 * solar kit (OpenPAYGO) is known by its serial, which starts with its profile's prefix. The Luhn rule is restated here
 * (shared/ may not import the token engine); a unit test checks it against the engine's over many numbers.
 * Luhn catches every single-digit error and every adjacent transposition except 09 <-> 90.
 */
export type MeterNumberRule =
  | Readonly<{ scheme: 'STS'; manufacturerCode: string | null }>
  | Readonly<{ scheme: 'OpenPAYGO'; serialPrefix: string }>;

export type CheckedMeterNumber = { ok: true; meterNo: string } | { ok: false; problem: string };

/** The Luhn (mod 10) check digit of a string of digits. */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('a Luhn payload is made of the digits 0-9 only');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the Luhn check digit of the digits before it. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return String(luhnCheckDigit(digits.slice(0, -1))) === digits.slice(-1);
}

const KIT_SERIAL = /^[A-Z0-9-]{1,32}$/;

/** The meter number as stored: digits only for STS (spaces and dashes typed between groups are dropped). */
export function normaliseMeterNumber(text: string, rule: MeterNumberRule): string {
  const trimmed = text.trim();
  return rule.scheme === 'STS' ? trimmed.replace(/[ -]/g, '') : trimmed.toUpperCase();
}

function drnLengthFor(code: string | null): string {
  if (code === null) return '11 or 13 digits';
  return code.length === 2 ? '11 digits' : '13 digits';
}

/** Checks a typed meter number against its profile's rule; the problem is a sentence naming the meter number. */
export function checkMeterNumber(text: string, rule: MeterNumberRule): CheckedMeterNumber {
  const meterNo = normaliseMeterNumber(text, rule);
  if (meterNo === '') return { ok: false, problem: 'Type the meter number.' };
  if (rule.scheme === 'OpenPAYGO') {
    if (!KIT_SERIAL.test(meterNo)) {
      return { ok: false, problem: 'A solar kit serial is 1 to 32 letters, digits or dashes.' };
    }
    if (!meterNo.startsWith(rule.serialPrefix) || meterNo.length === rule.serialPrefix.length) {
      return { ok: false, problem: `This kit model's serials start with "${rule.serialPrefix}" followed by the kit's own number.` };
    }
    return { ok: true, meterNo };
  }
  const bad = /[^0-9]/.exec(meterNo);
  if (bad) return { ok: false, problem: `The meter number contains "${bad[0]}"; an STS meter number is made of digits only.` };
  const code = rule.manufacturerCode;
  const lengthOk = code === null ? meterNo.length === 11 || meterNo.length === 13 : meterNo.length === (code.length === 2 ? 11 : 13);
  if (!lengthOk) {
    return { ok: false, problem: `The meter number has ${meterNo.length} digits; this meter model's numbers have ${drnLengthFor(code)}.` };
  }
  if (code !== null && !meterNo.startsWith(code)) {
    return { ok: false, problem: `The meter number must start with the manufacturer code ${code} of this meter model.` };
  }
  if (!isLuhnValid(meterNo)) {
    const expected = luhnCheckDigit(meterNo.slice(0, -1));
    return {
      ok: false,
      problem: `The meter number ${meterNo} fails its check digit (the last digit should be ${expected}); look for a mistyped or swapped digit.`,
    };
  }
  return { ok: true, meterNo };
}
