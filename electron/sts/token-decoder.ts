// The token decoder (what a meter does): read the class bits, restore the block, decrypt it (class 0 and 2 only),
// check the CRC, and read the fields of the layout for that class and subclass (sts-spec.md section 1.2).
// It is written from the specification's primitives and never calls the builders, so an encoder mistake cannot hide
// behind its own inverse.
import { isStsCrcValid } from './crc16';
import { bigIntToHalves, halvesToBigInt, toHex } from './hex';
import { type StsResult, ok } from './result';
import { resolveTokenCipher, type TokenCipher, type TokenCipherSpec } from './token-cipher';
import { formatTokenNumber, parseTokenNumber, removeClassBits, type TokenClass } from './token-number';
import { decodeTransferAmount } from './transfer-amount';

const CREDIT_UNITS = ['electricity', 'water', 'gas', 'time'] as const;

export type DecodedFields =
  | Readonly<{ kind: 'credit'; unit: (typeof CREDIT_UNITS)[number]; rnd: number; tid: number; amountField: string; amountTenths: number }>
  | Readonly<{ kind: 'currency-credit'; unit: (typeof CREDIT_UNITS)[number]; rnd: number; tid: number; amountField: string }>
  | Readonly<{ kind: 'meter-test'; manufacturerCodeDigits: 2 | 4; manufacturerCode: number; control: number }>
  | Readonly<{ kind: 'set-maximum-power-limit'; rnd: number; tid: number; valueField: string; watts: number }>
  | Readonly<{ kind: 'clear-credit'; rnd: number; tid: number; register: number }>
  | Readonly<{ kind: 'set-tariff-rate'; rnd: number; tid: number; rate: number }>
  | Readonly<{ kind: 'clear-tamper'; rnd: number; tid: number; pad: number }>
  | Readonly<{ kind: 'set-phase-power-unbalance-limit'; rnd: number; tid: number; valueField: string; watts: number }>
  | Readonly<{ kind: 'set-water-meter-factor'; rnd: number; tid: number; factor: number }>
  | Readonly<{ kind: 'set-decoder-key-1'; kenHigh: number; krn: number; rollover: boolean; reservedBit: number; keyType: number; keyBits: string }>
  | Readonly<{ kind: 'set-decoder-key-2'; kenLow: number; ti: number; keyBits: string }>
  | Readonly<{ kind: 'set-decoder-key-3'; sgcLow12: number; keyBits: string }>
  | Readonly<{ kind: 'set-decoder-key-4'; sgcHigh12: number; keyBits: string }>
  | Readonly<{ kind: 'unknown'; payload: string }>;

export type DecodedToken = Readonly<{
  tokenNumber: string;
  tokenClass: TokenClass;
  subclass: number;
  /** The plaintext 64-bit block (decrypted for classes 0 and 2; as transmitted for classes 1 and 3). */
  block: bigint;
  /**
   * Whether the block's CRC matches. `null` when this engine cannot check it: class 0 subclasses 4-7 use CRC_C, which
   * is not publicly specified, and class 3 is reserved.
   */
  crcOk: boolean | null;
  fields: DecodedFields;
}>;

/** Reads `width` bits of the block starting at bit `low` (bit 0 = LSB). */
function bits(block: bigint, low: number, width: number): number {
  return Number((block >> BigInt(low)) & ((1n << BigInt(width)) - 1n));
}

function withRndTid(block: bigint): { rnd: number; tid: number; value: number } {
  return { rnd: bits(block, 56, 4), tid: bits(block, 32, 24), value: bits(block, 16, 16) };
}

function classZeroFields(subclass: number, block: bigint): DecodedFields {
  const { rnd, tid, value } = withRndTid(block);
  const unit = CREDIT_UNITS[subclass & 3] ?? 'electricity';
  if (subclass <= 3) {
    return { kind: 'credit', unit, rnd, tid, amountField: toHex(value, 4), amountTenths: decodeTransferAmount(value) };
  }
  if (subclass <= 7) return { kind: 'currency-credit', unit, rnd, tid, amountField: toHex(value, 4) };
  return { kind: 'unknown', payload: toHex(bits(block, 16, 44), 11) };
}

function classOneFields(subclass: number, block: bigint): DecodedFields {
  if (subclass === 0) {
    return { kind: 'meter-test', manufacturerCodeDigits: 2, manufacturerCode: bits(block, 16, 8), control: bits(block, 24, 36) };
  }
  if (subclass === 1) {
    return { kind: 'meter-test', manufacturerCodeDigits: 4, manufacturerCode: bits(block, 16, 16), control: bits(block, 32, 28) };
  }
  return { kind: 'unknown', payload: toHex(bits(block, 16, 44), 11) };
}

function classTwoFields(subclass: number, block: bigint): DecodedFields {
  const { rnd, tid, value } = withRndTid(block);
  const keyBits = toHex(bits(block, 16, 32), 8);
  switch (subclass) {
    case 0: return { kind: 'set-maximum-power-limit', rnd, tid, valueField: toHex(value, 4), watts: decodeTransferAmount(value) };
    case 1: return { kind: 'clear-credit', rnd, tid, register: value };
    case 2: return { kind: 'set-tariff-rate', rnd, tid, rate: value };
    case 3:
      return {
        kind: 'set-decoder-key-1', kenHigh: bits(block, 56, 4), krn: bits(block, 52, 4), rollover: bits(block, 51, 1) === 1,
        reservedBit: bits(block, 50, 1), keyType: bits(block, 48, 2), keyBits,
      };
    case 4: return { kind: 'set-decoder-key-2', kenLow: bits(block, 56, 4), ti: bits(block, 48, 8), keyBits };
    case 5: return { kind: 'clear-tamper', rnd, tid, pad: value };
    case 6: return { kind: 'set-phase-power-unbalance-limit', rnd, tid, valueField: toHex(value, 4), watts: decodeTransferAmount(value) };
    case 7: return { kind: 'set-water-meter-factor', rnd, tid, factor: value };
    case 8: return { kind: 'set-decoder-key-3', sgcLow12: bits(block, 48, 12), keyBits };
    case 9: return { kind: 'set-decoder-key-4', sgcHigh12: bits(block, 48, 12), keyBits };
    default: return { kind: 'unknown', payload: toHex(bits(block, 16, 44), 11) };
  }
}

/**
 * Decodes a 66-bit token number. Class 1 tokens need no key; the cipher is still required so one call fits all.
 * @throws StsInputError if the number is not a 66-bit value or the cipher spec is invalid.
 */
export function decodeToken(token: bigint, cipherInput: TokenCipher | TokenCipherSpec): DecodedToken {
  const { tokenClass, block: transmitted } = removeClassBits(token);
  let block = transmitted;
  if (tokenClass === 0 || tokenClass === 2) {
    const [hi, lo] = bigIntToHalves(transmitted);
    const out = new Uint32Array(2);
    resolveTokenCipher(cipherInput).decryptHalves(hi, lo, out);
    block = halvesToBigInt(out[0] ?? 0, out[1] ?? 0);
  }
  const subclass = bits(block, 60, 4);
  const crcOk = tokenClass === 3 || (tokenClass === 0 && subclass >= 4 && subclass <= 7)
    ? null
    : isStsCrcValid(tokenClass, block);
  let fields: DecodedFields;
  switch (tokenClass) {
    case 0: fields = classZeroFields(subclass, block); break;
    case 1: fields = classOneFields(subclass, block); break;
    case 2: fields = classTwoFields(subclass, block); break;
    case 3: fields = { kind: 'unknown', payload: toHex(bits(block, 16, 44), 11) }; break;
  }
  return { tokenNumber: formatTokenNumber(token), tokenClass, subclass, block, crcOk, fields };
}

/** Parses 20 digits (spaces and dashes allowed) and decodes them. */
export function parseAndDecodeToken(text: string, cipher: TokenCipher | TokenCipherSpec, field = 'token'): StsResult<DecodedToken> {
  const parsed = parseTokenNumber(text, field);
  if (!parsed.ok) return parsed;
  return ok(decodeToken(parsed.value, cipher));
}
