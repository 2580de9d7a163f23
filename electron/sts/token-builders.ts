// Token builders (sts-spec.md section 1.2). Everything is an input: the cipher (decoder key, algorithm, tables), the
// TID, the RND nibble. The engine reads no clock and draws no random numbers, so the same inputs give the same token.
// Class 0 and 2 blocks are SubClass(4) | RND(4) TID(24) Value(16) | CRC(16), encrypted, then the class bits are
// transposed in. Class 1 blocks are SubClass(4) | Control | MfrCode | CRC(16) and are NOT encrypted.
import { stsCrcFieldFromHalves } from './crc16';
import { halvesToBigInt } from './hex';
import { requireIntInRange, StsInputError, unwrapOrThrow } from './result';
import { checkKen, MAX_TID } from './tid';
import { resolveTokenCipher, type TokenCipher, type TokenCipherSpec } from './token-cipher';
import { formatTokenNumber, insertClassBits, tokenNumberFromHalves, type TokenClass } from './token-number';
import { decodeTransferAmount, encodeTransferAmount } from './transfer-amount';

/** A prepared cipher (fast: reuse it for one decoder key) or what to prepare one from. */
export type CipherInput = TokenCipher | TokenCipherSpec;

export type BuiltToken = Readonly<{
  /** The 20 digits the customer types, no separators. */
  tokenNumber: string;
  tokenClass: TokenClass;
  subclass: number;
  /** The plaintext 64-bit data block (including its CRC), for audit and tests. */
  block: bigint;
}>;

/** Credit subclasses: 0 electricity (0.1 kWh), 1 water (0.1 m3), 2 gas (0.1 m3), 3 time. */
export type CreditSubclass = 0 | 1 | 2 | 3;

/** Fields every class 0/2 token with RND and TID shares. */
type TidTokenInput = Readonly<{
  cipher: CipherInput;
  /** Minutes since the base date, 0 to 2^24-1 (see tidFromDate). */
  tid: number;
  /** The random nibble, 0-15; the caller draws it. */
  rnd: number;
  /** The decoder key's KeyExpiryNumber; a TID whose top 8 bits exceed it is refused. Default 255 (never expires). */
  ken?: number;
}>;

export type CreditTokenInput = TidTokenInput & Readonly<{
  subclass: CreditSubclass;
  /** Integer tenths of the unit. Rounded up to what the token can carry (see floorToEncodable for the vend rule). */
  amountTenths: number;
}>;

export type CreditToken = BuiltToken & Readonly<{ amountField: number; amountTenths: number }>;

const scratch = new Uint32Array(2);

/** CRC, encrypt, transpose: the common tail of every class 0/2 token. `partialLo` has its CRC bits (15..0) clear. */
function seal(tokenClass: 0 | 2, subclass: number, hi: number, partialLo: number, cipherInput: CipherInput): BuiltToken {
  const cipher = resolveTokenCipher(cipherInput);
  const lo = (partialLo | stsCrcFieldFromHalves(tokenClass, hi, partialLo)) >>> 0;
  cipher.encryptHalves(hi, lo, scratch);
  const token = tokenNumberFromHalves(scratch[0] ?? 0, scratch[1] ?? 0, tokenClass);
  return { tokenNumber: token.toString().padStart(20, '0'), tokenClass, subclass, block: halvesToBigInt(hi, lo) };
}

function buildTidToken(tokenClass: 0 | 2, subclass: number, input: TidTokenInput, value16: number): BuiltToken {
  const { tid, rnd } = input;
  requireIntInRange('tid', tid, 0, MAX_TID);
  requireIntInRange('rnd', rnd, 0, 15);
  if (input.ken !== undefined && tid >> 16 > input.ken) unwrapOrThrow(checkKen(tid, input.ken));
  const hi = ((subclass << 28) | (rnd << 24) | tid) >>> 0;
  return seal(tokenClass, subclass, hi, (value16 << 16) >>> 0, input.cipher);
}

/**
 * Seals a class 2 block whose 44-bit payload is a 12-bit head (block bits 59..48) and a 32-bit tail (bits 47..16),
 * the shape of the key-change tokens (subclasses 3, 4, 8, 9): adds the CRC, encrypts, transposes the class bits.
 * The caller assembles the head's fields (e.g. KENHO KRN RO Res KT) and the key word.
 * @throws StsInputError if the subclass, head or tail do not fit their widths.
 */
export function sealClassTwoToken(subclass: number, head12: number, tail32: number, cipher: CipherInput): BuiltToken {
  requireIntInRange('subclass', subclass, 0, 15);
  requireIntInRange('head12', head12, 0, 0xfff);
  requireIntInRange('tail32', tail32, 0, 0xffffffff);
  const hi = ((subclass << 28) | (head12 << 16) | (tail32 >>> 16)) >>> 0;
  return seal(2, subclass, hi, ((tail32 & 0xffff) << 16) >>> 0, cipher);
}

/**
 * Class 0 TransferCredit token (subclasses 0-3).
 * @throws StsInputError for a TID, RND or amount out of range, or a TID past the key's KEN.
 */
export function buildCreditToken(input: CreditTokenInput): CreditToken {
  requireIntInRange('subclass', input.subclass, 0, 3);
  const amountField = encodeTransferAmount(input.amountTenths, 'amountTenths');
  const built = buildTidToken(0, input.subclass, input, amountField);
  return {
    tokenNumber: built.tokenNumber, tokenClass: 0, subclass: built.subclass, block: built.block, amountField,
    amountTenths: decodeTransferAmount(amountField),
  };
}

/** Class 2 subclasses that carry RND, TID and a 16-bit value. Subclasses 3/4/8/9 are key-change tokens. */
export type ManagementSubclass = 0 | 1 | 2 | 5 | 6 | 7;
export const MANAGEMENT_SUBCLASSES: readonly ManagementSubclass[] = [0, 1, 2, 5, 6, 7];

export type ManagementTokenInput = TidTokenInput & Readonly<{
  subclass: ManagementSubclass;
  /**
   * Subclass 0 (Set Maximum Power Limit) and 6 (Set Maximum Phase Power Unbalance Limit): watts, coded like a
   * TransferAmount and rounded up. Subclass 1 (Clear Credit): the register, 2 (Set Tariff Rate): the rate,
   * 5 (Clear Tamper): the pad, 7 (Set Water Meter Factor): the factor; these are raw 16-bit values, 0-65535.
   */
  value: number;
}>;

export type ManagementToken = BuiltToken & Readonly<{ valueField: number; value: number }>;

function isPowerLimit(subclass: ManagementSubclass): boolean {
  return subclass === 0 || subclass === 6;
}

/**
 * Class 2 management token with RND, TID and a 16-bit value (subclasses 0, 1, 2, 5, 6, 7).
 * @throws StsInputError for a value, TID or RND out of range, or a TID past the key's KEN.
 */
export function buildManagementToken(input: ManagementTokenInput): ManagementToken {
  if (!(MANAGEMENT_SUBCLASSES as readonly number[]).includes(input.subclass)) {
    throw new StsInputError('subclass', `must be one of ${MANAGEMENT_SUBCLASSES.join(', ')}, got ${String(input.subclass)}.`);
  }
  let valueField: number;
  let value: number;
  if (isPowerLimit(input.subclass)) {
    valueField = encodeTransferAmount(input.value, 'value');
    value = decodeTransferAmount(valueField);
  } else {
    requireIntInRange('value', input.value, 0, 0xffff);
    valueField = input.value;
    value = input.value;
  }
  return { ...buildTidToken(2, input.subclass, input, valueField), valueField, value };
}

type WithoutSubclassAndValue = TidTokenInput;

/** Set Maximum Power Limit (class 2/0); `watts` rounded up to the next value the field can carry. */
export function buildSetMaximumPowerLimitToken(input: WithoutSubclassAndValue & Readonly<{ watts: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 0, value: input.watts });
}

/** Clear Credit (class 2/1); `register` selects the register (0xFFFF in the conformance vectors = all). */
export function buildClearCreditToken(input: WithoutSubclassAndValue & Readonly<{ register: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 1, value: input.register });
}

/** Set Tariff Rate (class 2/2); the rate field is reserved for definition by the STSA. */
export function buildSetTariffRateToken(input: WithoutSubclassAndValue & Readonly<{ rate: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 2, value: input.rate });
}

/** Clear Tamper Condition (class 2/5); the pad is 0 unless given. */
export function buildClearTamperToken(input: WithoutSubclassAndValue & Readonly<{ pad?: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 5, value: input.pad ?? 0 });
}

/** Set Maximum Phase Power Unbalance Limit (class 2/6); `watts` rounded up like a TransferAmount. */
export function buildSetPhasePowerUnbalanceLimitToken(input: WithoutSubclassAndValue & Readonly<{ watts: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 6, value: input.watts });
}

/** Set Water Meter Factor (class 2/7). */
export function buildSetWaterMeterFactorToken(input: WithoutSubclassAndValue & Readonly<{ factor: number }>): ManagementToken {
  return buildManagementToken({ ...input, subclass: 7, value: input.factor });
}

export type MeterTestTokenInput = Readonly<{
  /** 2: subclass 0, Control(36) MfrCode(8); 4: subclass 1, Control(28) MfrCode(16). */
  manufacturerCodeDigits: 2 | 4;
  /** The manufacturer code as a number: 0-99 or 0-9999. */
  manufacturerCode: number;
  /** One bit per test or display function (bit 0 = test 0, which all meters support). */
  control: number;
}>;

/**
 * Class 1 Initiate Meter Test/Display token. Not encrypted; needs no key.
 * @throws StsInputError if the manufacturer code or the control bits do not fit their fields.
 */
export function buildMeterTestToken(input: MeterTestTokenInput): BuiltToken {
  const four = input.manufacturerCodeDigits === 4;
  if (input.manufacturerCodeDigits !== 2 && !four) {
    throw new StsInputError('manufacturerCodeDigits', `must be 2 or 4, got ${String(input.manufacturerCodeDigits)}.`);
  }
  const controlBits = four ? 28 : 36;
  requireIntInRange('manufacturerCode', input.manufacturerCode, 0, four ? 9999 : 99);
  requireIntInRange('control', input.control, 0, 2 ** controlBits - 1);
  const subclass = four ? 1 : 0;
  const mfrBits = four ? 16n : 8n;
  const payload = (BigInt(input.control) << mfrBits) | BigInt(input.manufacturerCode);
  const withoutCrc = (BigInt(subclass) << 60n) | (payload << 16n);
  const hi = Number(withoutCrc >> 32n);
  const lo = Number(withoutCrc & 0xffffffffn);
  const block = withoutCrc | BigInt(stsCrcFieldFromHalves(1, hi, lo));
  return { tokenNumber: formatTokenNumber(insertClassBits(block, 1)), tokenClass: 1, subclass, block };
}
