import { checkMeterNumber, luhnCheckDigit, type MeterNumberRule } from './meter-number';

/**
 * Batch input (the seed's "Id Range: 0000001 - 00000010 - 10 meters"): the operator types the first and the last
 * number WITHOUT the check digit (10 digits for 11-digit meter numbers, 12 for 13-digit ones), or for solar kits the
 * first and last serial with the model's prefix. Every number in between is made, each with its Luhn check digit;
 * at most 10,000 per batch.
 */
export const MAX_BATCH = 10_000;

export type RangePlan = { ok: true; count: number; numbers: string[] } | { ok: false; problem: string };

function rangeOfDigits(first: string, last: string, make: (serial: string) => string, what: string): RangePlan {
  if (first.length !== last.length) {
    return { ok: false, problem: `The first and last ${what} must have the same number of digits (${first.length} and ${last.length}).` };
  }
  const from = BigInt(first);
  const to = BigInt(last);
  if (to < from) return { ok: false, problem: `The last ${what} must not be below the first.` };
  const span = to - from + 1n;
  if (span > BigInt(MAX_BATCH)) {
    return { ok: false, problem: `That range has ${span.toString()} meters; a batch holds at most ${MAX_BATCH}. Split it into smaller ranges.` };
  }
  const numbers: string[] = [];
  for (let n = from; n <= to; n++) numbers.push(make(n.toString().padStart(first.length, '0')));
  return { ok: true, count: numbers.length, numbers };
}

/** Plans a batch: the meter numbers it makes, in order, or the sentence saying what is wrong with the range. */
export function planMeterRange(firstText: string, lastText: string, rule: MeterNumberRule): RangePlan {
  if (rule.scheme === 'OpenPAYGO') {
    const first = firstText.trim().toUpperCase();
    const last = lastText.trim().toUpperCase();
    const prefix = rule.serialPrefix;
    for (const [label, serial] of [['first', first], ['last', last]] as const) {
      const checked = checkMeterNumber(serial, rule);
      if (!checked.ok) return { ok: false, problem: `The ${label} serial: ${checked.problem}` };
      if (!/^\d+$/.test(serial.slice(prefix.length))) {
        return { ok: false, problem: `The ${label} serial must end in digits after "${prefix}" so the range can count through them.` };
      }
    }
    return rangeOfDigits(first.slice(prefix.length), last.slice(prefix.length), (tail) => prefix + tail, 'serial');
  }
  const first = firstText.trim().replace(/[ -]/g, '');
  const last = lastText.trim().replace(/[ -]/g, '');
  for (const [label, payload] of [['first', first], ['last', last]] as const) {
    if (!/^\d+$/.test(payload)) return { ok: false, problem: `The ${label} number must be digits only.` };
    const code = rule.manufacturerCode;
    const wanted = code === null ? [10, 12] : [code.length === 2 ? 10 : 12];
    if (!wanted.includes(payload.length)) {
      return {
        ok: false,
        problem: `The ${label} number has ${payload.length} digits; type ${wanted.join(' or ')} digits, the meter number without its check digit.`,
      };
    }
    if (code !== null && !payload.startsWith(code)) {
      return { ok: false, problem: `The ${label} number must start with the manufacturer code ${code} of this meter model.` };
    }
  }
  return rangeOfDigits(first, last, (payload) => payload + String(luhnCheckDigit(payload)), 'number');
}
