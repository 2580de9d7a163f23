// OpenPAYGO Token (sts-spec.md section 10): 9-digit codes for solar home kits, written from the public description.
// Not STS: no classes, no TID; both sides keep a count instead.
//
// One step: the previous 9-digit value as a 32-bit big-endian integer, written twice (8 bytes), SipHash-2-4 under the
// kit's 128-bit key; XOR the high and low 32-bit halves of the hash; drop the 2 low bits (30 bits left); above
// 999,999,999 subtract 73,741,825.
// A code: the value rides in the last three digits ("base"): token base = (starting base + value) mod 1000. Start from
// the starting code with its base replaced by the token base, step newCount times, put the token base back in.
// The count's parity is the type: even = add time, odd = set time, disable PAYG (value 998) and counter sync (999).
//
// The count is state the caller keeps per kit (the kit stores the highest count it accepted): pass it in, store the
// returned newCount. SipHash comes from the `siphash` package.
import siphash from 'siphash';
import { requireIntInRange, StsInputError } from './result';

export type OpenPaygoTokenType = 'ADD_TIME' | 'SET_TIME' | 'DISABLE_PAYG' | 'COUNTER_SYNC';
export const OPENPAYGO_TOKEN_TYPES: readonly OpenPaygoTokenType[] = ['ADD_TIME', 'SET_TIME', 'DISABLE_PAYG', 'COUNTER_SYNC'];

/** Largest value an add-time or set-time code carries (days, or days x the kit's divider). */
export const OPENPAYGO_MAX_VALUE = 995;
export const OPENPAYGO_DISABLE_VALUE = 998;
export const OPENPAYGO_COUNTER_SYNC_VALUE = 999;
export const OPENPAYGO_MAX_CODE = 999_999_999;
/** How far past the last count the decoder looks for an ordinary code. */
export const OPENPAYGO_LOOKAHEAD = 64;
/** How far past the last count the decoder looks for a counter-sync code. */
export const OPENPAYGO_SYNC_LOOKAHEAD = 100;

const FOLD_LIMIT = 999_999_999;
const FOLD_SUBTRACT = 73_741_825;

/** A kit key prepared for SipHash: four little-endian 32-bit words. Never log or return it. */
export type OpenPaygoKey = Readonly<{ words: Uint32Array }>;

/**
 * Prepares a 16-byte kit key.
 * @throws StsInputError if the key is not 16 bytes.
 */
export function prepareOpenPaygoKey(key: Uint8Array): OpenPaygoKey {
  if (key.length !== 16) throw new StsInputError('key', `an OpenPAYGO key is 16 bytes (32 hex digits), got ${key.length}.`);
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    words[i] = ((key[4 * i] ?? 0) | ((key[4 * i + 1] ?? 0) << 8) | ((key[4 * i + 2] ?? 0) << 16) |
      ((key[4 * i + 3] ?? 0) << 24)) >>> 0;
  }
  return Object.freeze({ words });
}

function resolveKey(key: Uint8Array | OpenPaygoKey): OpenPaygoKey {
  return key instanceof Uint8Array ? prepareOpenPaygoKey(key) : key;
}

/** XOR of the hash halves, 30 bits, folded below 10^9. */
function fold(h: number, l: number): number {
  const v = ((h ^ l) >>> 0) >>> 2;
  return v > FOLD_LIMIT ? v - FOLD_SUBTRACT : v;
}

const stepMessage = new Uint8Array(8);

/** One step of the code chain. */
export function openPaygoNextCode(key: Uint8Array | OpenPaygoKey, code: number): number {
  const { words } = resolveKey(key);
  stepMessage[0] = code >>> 24;
  stepMessage[1] = (code >>> 16) & 0xff;
  stepMessage[2] = (code >>> 8) & 0xff;
  stepMessage[3] = code & 0xff;
  stepMessage.copyWithin(4, 0, 4);
  const { h, l } = siphash.hash(words, stepMessage);
  return fold(h, l);
}

/** A starting code derived from the key alone: SipHash of the key's own bytes, folded like a step. */
export function openPaygoStartingCodeFromKey(key: Uint8Array): number {
  const prepared = prepareOpenPaygoKey(key);
  const { h, l } = siphash.hash(prepared.words, Uint8Array.from(key));
  return fold(h, l);
}

/** The count a new code of `type` gets: the next even count for add time, the next odd count for the others. */
export function openPaygoNewCount(count: number, type: OpenPaygoTokenType): number {
  requireIntInRange('count', count, 0, Number.MAX_SAFE_INTEGER - 2);
  const wantOdd = type !== 'ADD_TIME';
  const countIsOdd = count % 2 === 1;
  return countIsOdd === wantOdd ? count + 2 : count + 1;
}

function withBase(code: number, base: number): number {
  return code - (code % 1000) + base;
}

export type OpenPaygoTokenInput = Readonly<{
  key: Uint8Array | OpenPaygoKey;
  /** The kit's 9-digit starting code, 0..999,999,999. */
  startingCode: number;
  /** The last count issued for this kit (0 for a new kit). */
  count: number;
  type: OpenPaygoTokenType;
  /** Add/set time: 0..995. Disable PAYG: 998 (may be omitted). Counter sync: 999 (may be omitted). */
  value?: number;
}>;

export type OpenPaygoToken = Readonly<{
  /** The code, 9 digits, zero-padded. */
  code: string;
  /** Store this as the kit's count. */
  newCount: number;
  type: OpenPaygoTokenType;
  value: number;
}>;

function valueFor(type: OpenPaygoTokenType, value: number | undefined): number {
  switch (type) {
    case 'ADD_TIME':
    case 'SET_TIME':
      if (value === undefined) throw new StsInputError('value', `${type === 'ADD_TIME' ? 'add' : 'set'} time needs a value.`);
      requireIntInRange('value', value, 0, OPENPAYGO_MAX_VALUE);
      return value;
    case 'DISABLE_PAYG':
      if (value !== undefined && value !== OPENPAYGO_DISABLE_VALUE) {
        throw new StsInputError('value', `disable PAYG always carries ${OPENPAYGO_DISABLE_VALUE}, got ${String(value)}.`);
      }
      return OPENPAYGO_DISABLE_VALUE;
    case 'COUNTER_SYNC':
      if (value !== undefined && value !== OPENPAYGO_COUNTER_SYNC_VALUE) {
        throw new StsInputError('value', `counter sync always carries ${OPENPAYGO_COUNTER_SYNC_VALUE}, got ${String(value)}.`);
      }
      return OPENPAYGO_COUNTER_SYNC_VALUE;
    default:
      throw new StsInputError('type', `unknown OpenPAYGO token type ${String(type satisfies never)}.`);
  }
}

/**
 * Generates one 9-digit code.
 * @throws StsInputError when an input is out of range (key length, starting code, count, value).
 */
export function generateOpenPaygoToken(input: OpenPaygoTokenInput): OpenPaygoToken {
  const key = resolveKey(input.key);
  const { startingCode, count, type } = input;
  requireIntInRange('startingCode', startingCode, 0, OPENPAYGO_MAX_CODE);
  const value = valueFor(type, input.value);
  const newCount = openPaygoNewCount(count, type);
  const tokenBase = ((startingCode % 1000) + value) % 1000;
  let current = withBase(startingCode, tokenBase);
  for (let i = 0; i < newCount; i++) current = openPaygoNextCode(key, current);
  const code = withBase(current, tokenBase);
  return Object.freeze({ code: String(code).padStart(9, '0'), newCount, type, value });
}

export type OpenPaygoDecodeInput = Readonly<{
  key: Uint8Array | OpenPaygoKey;
  startingCode: number;
  /** The highest count the kit has accepted (0 for a new kit). */
  lastCount: number;
  /** The code as entered: 9 digits (spaces and dashes are ignored) or a number. */
  code: string | number;
  /** Overrides the look-ahead window past lastCount (default 64, or 100 for a counter-sync code). */
  lookahead?: number;
}>;

export type OpenPaygoDecodeResult =
  | Readonly<{ ok: true; type: OpenPaygoTokenType; value: number; count: number }>
  | Readonly<{
    ok: false;
    reason: 'FORMAT' | 'NOT_FOUND' | 'ALREADY_USED' | 'INVALID_VALUE';
    message: string;
    /** The count the code was made for, when it was found. */
    count?: number;
  }>;

function typeOf(count: number, value: number): OpenPaygoTokenType | null {
  if (count % 2 === 0) return value <= OPENPAYGO_MAX_VALUE ? 'ADD_TIME' : null;
  if (value === OPENPAYGO_DISABLE_VALUE) return 'DISABLE_PAYG';
  if (value === OPENPAYGO_COUNTER_SYNC_VALUE) return 'COUNTER_SYNC';
  return value <= OPENPAYGO_MAX_VALUE ? 'SET_TIME' : null;
}

/**
 * Finds what a code means for a kit, the way the kit does: the value from the code's last three digits, then the count
 * by walking the chain from the starting code up to lastCount + the look-ahead window. A code whose count is not above
 * lastCount is ALREADY_USED (the kit would refuse it); a code not on the chain is NOT_FOUND (wrong kit, wrong key, a
 * typo, or too far ahead: a counter-sync code brings the kit forward).
 * @throws StsInputError when the key, starting code or last count is out of range.
 */
export function decodeOpenPaygoToken(input: OpenPaygoDecodeInput): OpenPaygoDecodeResult {
  const key = resolveKey(input.key);
  const { startingCode, lastCount } = input;
  requireIntInRange('startingCode', startingCode, 0, OPENPAYGO_MAX_CODE);
  requireIntInRange('lastCount', lastCount, 0, Number.MAX_SAFE_INTEGER - OPENPAYGO_SYNC_LOOKAHEAD);
  const text = typeof input.code === 'number' ? String(input.code).padStart(9, '0') : input.code.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(text)) {
    return { ok: false, reason: 'FORMAT', message: `"${String(input.code)}" is not an OpenPAYGO code; it has 9 digits.` };
  }
  const code = Number(text);
  const tokenBase = code % 1000;
  const value = (tokenBase - (startingCode % 1000) + 1000) % 1000;
  const window = input.lookahead ?? (value === OPENPAYGO_COUNTER_SYNC_VALUE ? OPENPAYGO_SYNC_LOOKAHEAD : OPENPAYGO_LOOKAHEAD);
  requireIntInRange('lookahead', window, 0, 100_000);
  // A code is a 6-digit hash plus the value's 3 digits, so an old count can collide with a new one by chance: a match
  // in the window ahead of the kit wins over an earlier match, which is reported as used only when nothing ahead matches.
  let earlier: number | null = null;
  let current = withBase(startingCode, tokenBase);
  for (let count = 0; count <= lastCount + window; count++) {
    if (withBase(current, tokenBase) === code) {
      const type = typeOf(count, value);
      if (count <= lastCount) {
        earlier ??= count;
      } else if (type === null) {
        return { ok: false, reason: 'INVALID_VALUE', count, message: `The code carries the reserved value ${value}.` };
      } else {
        return { ok: true, type, value, count };
      }
    }
    current = openPaygoNextCode(key, current);
  }
  if (earlier !== null) {
    if (typeOf(earlier, value) === null) {
      return { ok: false, reason: 'INVALID_VALUE', count: earlier, message: `The code carries the reserved value ${value}.` };
    }
    return {
      ok: false, reason: 'ALREADY_USED', count: earlier,
      message: `The code was made for count ${earlier}; the kit is already at ${lastCount}, so it was used or replaced.`,
    };
  }
  return {
    ok: false, reason: 'NOT_FOUND',
    message: `The code is not one of this kit's next ${window} codes after count ${lastCount}; check the kit, its key and the digits.`,
  };
}
