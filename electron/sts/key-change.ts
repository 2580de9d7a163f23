// Key-change token sets (sts-spec.md section 1.2): class 2 tokens that carry a new decoder key, encrypted with the
// meter's CURRENT (old) key. A 64-bit key (EA07, EA09) takes 2 tokens, a 128-bit key (EA11) takes 4. Entry order is
// section order: 1st (subclass 3), 2nd (subclass 4), then for 128-bit keys 3rd (subclass 8) and 4th (subclass 9).
//   1st, subclass 3: KENHO(4) KRN(4) RO(1) Res(1) KT(2) | key bits 63..32 (64-bit key) or 127..96 (128-bit key)
//   2nd, subclass 4: KENLO(4) TI(8, binary)            | key bits 31..0
//   3rd, subclass 8: SGC low 12 bits                    | key bits 95..64
//   4th, subclass 9: SGC high 12 bits                   | key bits 63..32
// The key bits occupy block bits 47..16 of every token, under SubClass(4) and the 12 bits of fields above, with the
// CRC in bits 15..0. The reserved bit (block bit 50) is 0, as in the public conformance vectors.
// RO = 1 (roll-over) tells the meter to clear its TID memory: the 2024 TID roll-over moves a meter from base date 1993
// to 2014 this way, together with a new key so old tokens cannot be replayed.
import { StsInputError, requireIntInRange } from './result';
import { sealClassTwoToken, type BuiltToken, type CipherInput } from './token-builders';
import { decoderKeyBytes, resolveTokenCipher, type TokenCipher } from './token-cipher';
import { KEN_NEVER_EXPIRES } from './tid';

export type KeyChangeSection = 1 | 2 | 3 | 4;

/** Subclass of each section, and the entry order of a set. */
export const KEY_CHANGE_SUBCLASS: Readonly<Record<KeyChangeSection, 3 | 4 | 8 | 9>> = { 1: 3, 2: 4, 3: 8, 4: 9 };

export type KeyChangeInput = Readonly<{
  /** The meter's current key (prepared cipher or spec): the set is encrypted with it. */
  cipher: CipherInput;
  /** The new decoder key: 8 bytes for EA07/EA09 meters, 16 bytes for EA11 meters (same algorithm as the old key). */
  newDecoderKey: Uint8Array;
  /** The new key's type, 0-3. */
  keyType: number;
  /** The new key's revision number, 1-9. */
  krn: number;
  /** The new tariff index, 0-99 (carried as an 8-bit binary number). */
  ti: number;
  /** The new key's KeyExpiryNumber, 0-255 (default 255: never expires). */
  ken?: number;
  /** Roll-over: the meter clears its TID memory (default false). */
  rollover?: boolean;
  /** The new supply group code, 6 digits. Required for 4-token sets (128-bit keys); 2-token sets do not carry it. */
  sgc?: string;
}>;

export type KeyChangeToken = BuiltToken & Readonly<{ section: KeyChangeSection }>;

export type KeyChangeSet = Readonly<{
  /** In the order they must be entered. */
  tokens: readonly KeyChangeToken[];
  keyBits: 64 | 128;
}>;

function word(key: Uint8Array, index: number): number {
  const o = index * 4;
  return (((key[o] ?? 0) << 24) | ((key[o + 1] ?? 0) << 16) | ((key[o + 2] ?? 0) << 8) | (key[o + 3] ?? 0)) >>> 0;
}

function seal(cipher: TokenCipher, section: KeyChangeSection, head12: number, keyWord: number): KeyChangeToken {
  const t = sealClassTwoToken(KEY_CHANGE_SUBCLASS[section], head12, keyWord, cipher);
  return { tokenNumber: t.tokenNumber, tokenClass: t.tokenClass, subclass: t.subclass, block: t.block, section };
}

/**
 * Builds the key-change set for a new key, encrypted with the meter's current key.
 * @throws StsInputError when a field is out of range, the new key's length does not match the old key's algorithm, or
 * a 4-token set has no SGC.
 */
export function buildKeyChangeTokens(input: KeyChangeInput): KeyChangeSet {
  const cipher = resolveTokenCipher(input.cipher);
  const keyBytes = decoderKeyBytes(cipher.algorithm);
  const wide = keyBytes === 16;
  if (input.newDecoderKey.length !== keyBytes) {
    throw new StsInputError('newDecoderKey', `must be ${keyBytes} bytes (${keyBytes * 2} hex digits) for an ${cipher.algorithm} meter, got ${input.newDecoderKey.length} bytes.`);
  }
  requireIntInRange('keyType', input.keyType, 0, 3);
  requireIntInRange('krn', input.krn, 1, 9);
  requireIntInRange('ti', input.ti, 0, 99);
  const ken = input.ken ?? KEN_NEVER_EXPIRES;
  requireIntInRange('ken', ken, 0, 255);
  const ro = input.rollover === true ? 1 : 0;
  const key = input.newDecoderKey;

  let sgc = 0;
  if (wide) {
    const sgcText = input.sgc;
    if (sgcText === undefined || !/^\d{6}$/.test(sgcText)) {
      throw new StsInputError('sgc', `a 4-token key change carries the new supply group code: give 6 digits${sgcText === undefined ? '' : `, got "${sgcText}"`}.`);
    }
    sgc = Number(sgcText);
  }
  const first = ((ken >>> 4) << 8) | (input.krn << 4) | (ro << 3) | input.keyType;
  const second = ((ken & 15) << 8) | input.ti;
  const tokens: KeyChangeToken[] = wide
    ? [seal(cipher, 1, first, word(key, 0)), seal(cipher, 2, second, word(key, 3)), seal(cipher, 3, sgc & 0xfff, word(key, 1)), seal(cipher, 4, sgc >>> 12, word(key, 2))]
    : [seal(cipher, 1, first, word(key, 0)), seal(cipher, 2, second, word(key, 1))];
  return { tokens, keyBits: wide ? 128 : 64 };
}
