// STA (EA07) table sets (sts-spec.md section 5.1). Only the standard's SAMPLE tables live in the repository. The
// production tables are licensed by the STS Association: they are loaded at run time from a JSON file
// {"s1":[16],"s2":[16],"p":[64]} (encryption direction) and recognised by the SHA-256 fingerprints of their decimal
// entries joined by "," with no spaces. Never commit production tables and never take them from a public copy.
import { createHash } from 'node:crypto';
import { fail, ok, type StsResult } from './result';

/** An STA table set in the encryption direction: substitution tables 1 and 2, and the bit permutation. */
export type StaTables = Readonly<{
  /** Substitution table used for a data nibble whose key nibble has bit 3 clear. */
  s1: readonly number[];
  /** Substitution table used for a data nibble whose key nibble has bit 3 set. */
  s2: readonly number[];
  /** Entry s is the destination bit position of source bit s (bit 0 = LSB). */
  p: readonly number[];
}>;

export type StaTableStatus = 'production (verified)' | 'sample' | 'unknown';

/** The standard's sample tables (its worked example). Meters in the field use the production tables. */
export const SAMPLE_STA_TABLES: StaTables = Object.freeze({
  s1: Object.freeze([12, 10, 8, 4, 3, 15, 0, 2, 14, 1, 5, 13, 6, 9, 7, 11]),
  s2: Object.freeze([6, 9, 7, 4, 3, 10, 12, 14, 2, 13, 1, 15, 0, 11, 8, 5]),
  p: Object.freeze([
    29, 27, 34, 9, 16, 62, 55, 2, 40, 49, 38, 25, 33, 61, 30, 23, 1, 41, 21, 57, 42, 15, 5, 58, 19, 53, 22, 17, 48, 28,
    24, 39, 3, 60, 36, 14, 11, 52, 54, 12, 31, 51, 10, 26, 0, 45, 37, 43, 44, 6, 59, 4, 7, 35, 56, 50, 13, 18, 32, 47,
    46, 63, 20, 8,
  ]),
});

/** SHA-256 fingerprints of the licensed production tables (encryption direction), from sts-spec.md section 5.1. */
export const PRODUCTION_STA_FINGERPRINTS = Object.freeze({
  s1: '9386ee2f179932268be6372a35be3d1691fcf52e21bac431b33a3627808d75dc',
  s2: '7cfe0d91756c5217602b58a8f3ee0290530b353b5052aebcca0e10c451aa3682',
  p: 'f860e358e074c20b0fd2abbbb96d997c7cf90cc47c1710cbf8c3f7c8dd221ad5',
});

/** SHA-256 (lower-case hex) of the entries written in decimal and joined by "," without spaces. */
export function tableFingerprint(entries: readonly number[]): string {
  return createHash('sha256').update(entries.join(',')).digest('hex');
}

function sameEntries(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const statusCache = new WeakMap<StaTables, StaTableStatus>();

/** Which table set this is: the licensed production set (all three fingerprints match), the sample set, or neither. */
export function classifyStaTables(tables: StaTables): StaTableStatus {
  const cached = statusCache.get(tables);
  if (cached) return cached;
  const status = computeStatus(tables);
  statusCache.set(tables, status);
  return status;
}

function computeStatus(tables: StaTables): StaTableStatus {
  if (tableFingerprint(tables.s1) === PRODUCTION_STA_FINGERPRINTS.s1
    && tableFingerprint(tables.s2) === PRODUCTION_STA_FINGERPRINTS.s2
    && tableFingerprint(tables.p) === PRODUCTION_STA_FINGERPRINTS.p) {
    return 'production (verified)';
  }
  if (sameEntries(tables.s1, SAMPLE_STA_TABLES.s1) && sameEntries(tables.s2, SAMPLE_STA_TABLES.s2)
    && sameEntries(tables.p, SAMPLE_STA_TABLES.p)) {
    return 'sample';
  }
  return 'unknown';
}

function checkPermutation(value: unknown, name: string, size: number, field: string): StsResult<readonly number[]> {
  if (!Array.isArray(value)) return fail(field, `"${name}" is missing or is not a list of ${size} numbers.`);
  if (value.length !== size) return fail(field, `"${name}" has ${value.length} entries; it must have ${size}.`);
  const seen = new Set<number>();
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 0 || entry >= size) {
      return fail(field, `"${name}" entry ${i} is ${JSON.stringify(entry)}; every entry must be a whole number from 0 to ${size - 1}.`);
    }
    if (seen.has(entry)) return fail(field, `"${name}" holds ${entry} twice; it must hold each of 0..${size - 1} once.`);
    seen.add(entry);
  }
  return ok(Object.freeze([...(value as number[])]));
}

/** Checks an already-parsed JSON value holds a usable table set (two 4-bit substitutions, one 64-bit permutation). */
export function validateStaTables(value: unknown, field = 'tables'): StsResult<StaTables> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(field, 'must be a JSON object {"s1":[16 numbers],"s2":[16 numbers],"p":[64 numbers]}.');
  }
  const record = value as Record<string, unknown>;
  const s1 = checkPermutation(record.s1, 's1', 16, field);
  if (!s1.ok) return s1;
  const s2 = checkPermutation(record.s2, 's2', 16, field);
  if (!s2.ok) return s2;
  const p = checkPermutation(record.p, 'p', 64, field);
  if (!p.ok) return p;
  return ok(Object.freeze({ s1: s1.value, s2: s2.value, p: p.value }));
}

/** Parses the text of a tables file. The caller reads the file (the engine does no I/O). */
export function parseStaTables(jsonText: string, field = 'tables'): StsResult<StaTables> {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return fail(field, `is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  return validateStaTables(value, field);
}
