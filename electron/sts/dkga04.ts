// DKGA04 (sts-spec.md section 6.5): DK = the first L/8 bytes of HMAC-SHA-256(key = the 160-bit vending key, message),
// L = 64 for EA07 and 128 for EA11. The message (49 bytes for an 18-digit MeterPAN) is, byte by byte:
//   0x04                            number of label items
//   0x02 "04"                       DKGA code, ASCII, length-prefixed
//   0x02 "93" | "14" | "35"         base-date code
//   0x02 "07" | "11"                EA code
//   0x02 TI (2 ASCII digits)
//   0x00                            separator
//   0x04                            number of context items
//   0x06 SGC (6 ASCII digits)
//   0x01 KT (1 ASCII hex digit)
//   0x01 KRN (1 ASCII hex digit)
//   0x12 MeterPAN (18 ASCII digits)
//   L in bits, 32-bit big-endian
// The base date is an input: a meter moved from base date 1993 to 2014 gets a different decoder key.
// Key type 3 (common key) replaces the meter's digits of the PAN by zeros (IIN kept, 18 digits), like the PANBlock of
// DKGA02; only one public source does this for DKGA04 and no vector covers it.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { KeyType, MeterPan } from './meter-number';
import { requireIntInRange, StsInputError } from './result';
import { isBaseYear, type BaseYear } from './tid';

export type Dkga04Algorithm = 'EA07' | 'EA11';

/** The key parameters that go into the DKGA04 message. Structurally compatible with the DKGA02 parameters. */
export type Dkga04Params = Readonly<{
  /** The meter's PAN (parseMeterPan / meterPanFromDrn). */
  pan: MeterPan;
  keyType: KeyType;
  /** Supply group code, exactly 6 digits. */
  sgc: string;
  /** Tariff index, 0-99. */
  ti: number;
  /** Key revision number, 1-9. */
  krn: number;
  /** Base date of the key (and of the TIDs issued with it). */
  baseYear: BaseYear;
  /** EA07 gives a 64-bit decoder key, EA11 a 128-bit one. */
  algorithm: Dkga04Algorithm;
}>;

export const DKGA04_VENDING_KEY_BYTES = 20;

/** Writes `text` (ASCII) into `out` at `at`; returns the next offset. */
function putAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** Two ASCII decimal digits of a number 0-99. */
function putTwoDigits(out: Uint8Array, at: number, value: number): number {
  out[at] = 0x30 + Math.floor(value / 10);
  out[at + 1] = 0x30 + (value % 10);
  return at + 2;
}

/** The message length for an 18-digit PAN. */
export const DKGA04_MESSAGE_BYTES = 49;

/** Key length in bits for an algorithm. */
export function dkga04KeyBits(algorithm: Dkga04Algorithm): 64 | 128 {
  return algorithm === 'EA11' ? 128 : 64;
}

/**
 * The exact message that is MACed (exported so tests can pin it byte for byte).
 * @throws StsInputError when a parameter is out of range.
 */
export function dkga04Message(params: Dkga04Params): Uint8Array {
  const { keyType, sgc, ti, krn, baseYear, algorithm } = params;
  requireIntInRange('keyType', keyType, 0, 3);
  requireIntInRange('ti', ti, 0, 99);
  requireIntInRange('krn', krn, 1, 9);
  if (!/^\d{6}$/.test(sgc)) throw new StsInputError('sgc', `must be 6 digits, got "${sgc}".`);
  if (!isBaseYear(baseYear)) {
    throw new StsInputError('baseYear', `must be 1993, 2014 or 2035, got ${String(baseYear)}.`);
  }
  if (algorithm !== 'EA07' && algorithm !== 'EA11') {
    throw new StsInputError('algorithm', `DKGA04 derives keys for EA07 or EA11, got ${String(algorithm)}.`);
  }
  const { pan, iin } = params.pan;
  if (!/^\d{18}$/.test(pan)) throw new StsInputError('pan', `must be an 18-digit MeterPAN, got "${pan}".`);
  const panText = keyType === 3 ? iin.padEnd(18, '0') : pan;
  return writeMessage(new Uint8Array(DKGA04_MESSAGE_BYTES), params.keyType, sgc, ti, krn, baseYear, algorithm, panText);
}

function writeMessage(
  out: Uint8Array, keyType: number, sgc: string, ti: number, krn: number, baseYear: BaseYear, algorithm: Dkga04Algorithm,
  panText: string,
): Uint8Array {
  const bits = dkga04KeyBits(algorithm);
  out[0] = 0x04;
  out[1] = 0x02;
  let at = putAscii(out, 2, '04');
  out[at++] = 0x02;
  at = putTwoDigits(out, at, baseYear % 100);
  out[at++] = 0x02;
  at = putAscii(out, at, algorithm === 'EA11' ? '11' : '07');
  out[at++] = 0x02;
  at = putTwoDigits(out, at, ti);
  out[at++] = 0x00;
  out[at++] = 0x04;
  out[at++] = 0x06;
  at = putAscii(out, at, sgc);
  out[at++] = 0x01;
  out[at++] = 0x30 + keyType;
  out[at++] = 0x01;
  out[at++] = 0x30 + krn;
  out[at++] = panText.length;
  at = putAscii(out, at, panText);
  out[at++] = (bits >>> 24) & 0xff;
  out[at++] = (bits >>> 16) & 0xff;
  out[at++] = (bits >>> 8) & 0xff;
  out[at] = bits & 0xff;
  return out;
}

/** A vending key prepared once (HMAC's inner and outer hash states), for deriving many decoder keys. */
export type Dkga04Deriver = (params: Dkga04Params) => Uint8Array;

/**
 * Prepares a 160-bit vending key for DKGA04 and returns a function deriving decoder keys with it. The key is held as
 * a node:crypto KeyObject (copied into native memory); the caller's array is not kept and may be wiped.
 * @throws StsInputError if the vending key is not 20 bytes, or (when deriving) a parameter is out of range.
 */
export function createDkga04Deriver(vendingKey: Uint8Array): Dkga04Deriver {
  if (vendingKey.length !== DKGA04_VENDING_KEY_BYTES) {
    throw new StsInputError('vendingKey', `must be 20 bytes (40 hex digits) for DKGA04, got ${vendingKey.length}.`);
  }
  const key: KeyObject = createSecretKey(vendingKey);
  return (params) => {
    const mac = createHmac('sha256', key).update(dkga04Message(params)).digest();
    return Uint8Array.from(mac.subarray(0, dkga04KeyBits(params.algorithm) / 8));
  };
}

/**
 * Derives one DKGA04 decoder key (8 bytes for EA07, 16 for EA11), the plain createHmac way. For many keys with one
 * vending key use {@link createDkga04Deriver}.
 */
export function deriveDecoderKeyDkga04(vendingKey: Uint8Array, params: Dkga04Params): Uint8Array {
  if (vendingKey.length !== DKGA04_VENDING_KEY_BYTES) {
    throw new StsInputError('vendingKey', `must be 20 bytes (40 hex digits) for DKGA04, got ${vendingKey.length}.`);
  }
  const mac = createHmac('sha256', vendingKey).update(dkga04Message(params)).digest();
  return Uint8Array.from(mac.subarray(0, dkga04KeyBits(params.algorithm) / 8));
}
