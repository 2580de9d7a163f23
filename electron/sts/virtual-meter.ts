// The virtual meter (architecture.md sections 6 and 7): product code that support staff and tests use to see what a
// real STS meter would do with a token. It holds a decoder key, a credit register per unit, a TID memory, a tamper
// flag and the management settings, and accepts tokens the way a meter does:
//   1. parse the 20 digits, read the class; decrypt classes 0 and 2 with the current key; check the CRC;
//   2. class 1 (test/display) needs no key; class 0 credit and class 2 management carry a TID: refused when its top
//      8 bits exceed the key's KEN (KEY_EXPIRED), when the TID is held (USED), or when the memory is full and the TID
//      is older than the oldest one held (OLD); otherwise applied and remembered (the oldest TID drops out);
//   3. key-change tokens (class 2, subclasses 3/4/8/9) are collected in entry order: the first is held pending, the set
//      is applied when its last token arrives (2 tokens for a 64-bit key, 4 for a 128-bit key); any other token in
//      between discards the pending set. RO = 1 clears the TID memory. From then on the new key decrypts.
// Like the decoder it is built on, it never calls the token builders, so an encoder mistake cannot hide behind its own
// inverse. It keeps the key inside: no method returns it.
import { fail, ok, type StsResult } from './result';
import { KEN_NEVER_EXPIRES } from './tid';
import { createTokenCipher, decoderKeyBytes, type EncryptionAlgorithm, type TokenCipher } from './token-cipher';
import { decodeToken, type DecodedToken } from './token-decoder';
import { parseTokenNumber } from './token-number';
import type { StaTables } from './sta-tables';

export const CREDIT_REGISTERS = ['electricity', 'water', 'gas', 'time'] as const;
export type CreditRegister = (typeof CREDIT_REGISTERS)[number];

/** ClearCredit register selectors (sts-spec.md 1.2; the table itself is not public: 0-3 one register, FFFF all). */
const CLEAR_ALL_REGISTERS = 0xffff;

export const DEFAULT_TID_MEMORY = 50;

export type VirtualMeterOptions = Readonly<{
  decoderKey: Uint8Array;
  algorithm: EncryptionAlgorithm;
  /** EA07 only; the sample tables by default. */
  tables?: StaTables;
  /** How many TIDs the meter remembers (default 50). */
  tidMemorySize?: number;
  /** The current key's KeyExpiryNumber (default 255: never expires). */
  ken?: number;
  /** The current key's revision, type, tariff index and supply group code, for display (updated by key changes). */
  krn?: number;
  keyType?: number;
  ti?: number;
  sgc?: string;
  /** When set, class 1 tokens must carry this manufacturer code. */
  manufacturerCode?: number;
}>;

export type RejectReason = 'FORMAT' | 'CRC' | 'OLD' | 'USED' | 'KEY_EXPIRED' | 'SEQUENCE' | 'MANUFACTURER' | 'UNSUPPORTED';

export type MeterEffect =
  | Readonly<{ kind: 'credit'; register: CreditRegister; amountTenths: number; balanceTenths: number; tid: number }>
  | Readonly<{ kind: 'clear-credit'; registers: readonly CreditRegister[]; tid: number }>
  | Readonly<{ kind: 'set-maximum-power-limit'; watts: number; tid: number }>
  | Readonly<{ kind: 'set-tariff-rate'; rate: number; tid: number }>
  | Readonly<{ kind: 'clear-tamper'; tid: number }>
  | Readonly<{ kind: 'set-phase-power-unbalance-limit'; watts: number; tid: number }>
  | Readonly<{ kind: 'set-water-meter-factor'; factor: number; tid: number }>
  | Readonly<{ kind: 'meter-test'; manufacturerCodeDigits: 2 | 4; manufacturerCode: number; control: number }>
  | Readonly<{ kind: 'key-change-pending'; received: number; of: 2 | 4 }>
  | Readonly<{
    kind: 'key-change'; krn: number; keyType: number; ti: number; ken: number; sgc: string | null; rollover: boolean;
  }>;

export type EnterResult =
  | Readonly<{ accepted: true; tokenClass: number; subclass: number; effect: MeterEffect }>
  | Readonly<{ accepted: false; reason: RejectReason; message: string }>;

export type VirtualMeterState = Readonly<{
  registers: Readonly<Record<CreditRegister, number>>;
  tamper: boolean;
  maximumPowerLimitWatts: number | null;
  phasePowerUnbalanceLimitWatts: number | null;
  tariffRate: number | null;
  waterMeterFactor: number | null;
  /** TIDs held, oldest first. */
  tids: readonly number[];
  tidMemorySize: number;
  algorithm: EncryptionAlgorithm;
  ken: number;
  krn: number | null;
  keyType: number | null;
  ti: number | null;
  sgc: string | null;
  /** Key-change tokens received so far of a set not yet complete (0 when none is pending). */
  pendingKeyChangeTokens: number;
}>;

export interface VirtualMeter {
  /** Enters one token (20 digits; spaces and dashes allowed) or a parsed 66-bit token number. */
  enter(token: string | bigint): EnterResult;
  state(): VirtualMeterState;
  /** Sets the tamper flag, as a meter does when its cover is opened (for tests and demonstrations). */
  tamper(): void;
}

type PendingKeyChange = {
  received: number;
  of: 2 | 4;
  ken: number;
  krn: number;
  keyType: number;
  rollover: boolean;
  ti: number;
  sgc: number;
  words: number[];
};

function requireInt(field: string, value: number, min: number, max: number): StsResult<number> {
  return Number.isInteger(value) && value >= min && value <= max
    ? ok(value)
    : fail(field, `must be a whole number from ${min} to ${max}, got ${String(value)}.`);
}

function reject(reason: RejectReason, message: string): EnterResult {
  return { accepted: false, reason, message };
}

function keyBytesFromWords(words: readonly number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  words.forEach((w, i) => {
    out[4 * i] = w >>> 24;
    out[4 * i + 1] = (w >>> 16) & 0xff;
    out[4 * i + 2] = (w >>> 8) & 0xff;
    out[4 * i + 3] = w & 0xff;
  });
  return out;
}

/**
 * Creates a virtual meter with empty registers and TID memory.
 * @returns an error naming the option when the key length does not match the algorithm or a number is out of range.
 */
export function createVirtualMeter(options: VirtualMeterOptions): StsResult<VirtualMeter> {
  const memory = requireInt('tidMemorySize', options.tidMemorySize ?? DEFAULT_TID_MEMORY, 1, 10_000);
  if (!memory.ok) return memory;
  const kenCheck = requireInt('ken', options.ken ?? KEN_NEVER_EXPIRES, 0, 255);
  if (!kenCheck.ok) return kenCheck;
  const keyBytes = decoderKeyBytes(options.algorithm);
  if (options.decoderKey.length !== keyBytes) {
    return fail('decoderKey', `must be ${keyBytes} bytes (${keyBytes * 2} hex digits) for ${options.algorithm}, got ${options.decoderKey.length}.`);
  }
  const { algorithm, tables } = options;
  const tidMemorySize = memory.value;
  // The prepared cipher keeps only its schedule, not the caller's array.
  let cipher: TokenCipher = createTokenCipher({ algorithm, decoderKey: options.decoderKey, tables });
  let ken = kenCheck.value;
  let krn = options.krn ?? null;
  let keyType = options.keyType ?? null;
  let ti = options.ti ?? null;
  let sgc = options.sgc ?? null;
  const registers: Record<CreditRegister, number> = { electricity: 0, water: 0, gas: 0, time: 0 };
  let tamper = false;
  let maximumPowerLimitWatts: number | null = null;
  let phasePowerUnbalanceLimitWatts: number | null = null;
  let tariffRate: number | null = null;
  let waterMeterFactor: number | null = null;
  /** Oldest first. */
  let tids: number[] = [];
  let pending: PendingKeyChange | null = null;
  const setSize: 2 | 4 = keyBytes === 16 ? 4 : 2;

  function checkTid(tid: number): EnterResult | null {
    if (tid >>> 16 > ken) {
      return reject('KEY_EXPIRED', `The token's TID ${tid} is past the key's expiry (KEN ${ken}); the meter needs a key change.`);
    }
    if (tids.includes(tid)) return reject('USED', `A token with TID ${tid} was already entered.`);
    const oldest = tids[0];
    if (tids.length >= tidMemorySize && oldest !== undefined && tid < oldest) {
      return reject('OLD', `The token's TID ${tid} is older than the oldest TID the meter holds (${oldest}).`);
    }
    return null;
  }

  function remember(tid: number): void {
    const at = tids.findIndex((t) => t > tid);
    if (at < 0) tids.push(tid);
    else tids.splice(at, 0, tid);
    if (tids.length > tidMemorySize) tids.shift();
  }

  function applyKeyChange(set: PendingKeyChange): EnterResult {
    // Entry order 1st, 2nd, 3rd, 4th carries key bits 127..96, 31..0, 95..64, 63..32 (or 63..32, 31..0).
    const [w1 = 0, w2 = 0, w3 = 0, w4 = 0] = set.words;
    const words = set.of === 4 ? [w1, w3, w4, w2] : [w1, w2];
    const newKey = keyBytesFromWords(words);
    cipher = createTokenCipher({ algorithm, decoderKey: newKey, tables });
    newKey.fill(0);
    ken = set.ken;
    krn = set.krn;
    keyType = set.keyType;
    ti = set.ti;
    if (set.of === 4) sgc = String(set.sgc).padStart(6, '0');
    if (set.rollover) tids = [];
    return {
      accepted: true, tokenClass: 2, subclass: set.of === 4 ? 9 : 4,
      effect: {
        kind: 'key-change', krn: set.krn, keyType: set.keyType, ti: set.ti, ken: set.ken,
        sgc: set.of === 4 ? String(set.sgc).padStart(6, '0') : null, rollover: set.rollover,
      },
    };
  }

  function keyChangeToken(decoded: DecodedToken): EnterResult {
    const { fields } = decoded;
    const expected = pending === null ? 1 : pending.received + 1;
    const keyWord = 'keyBits' in fields ? Number.parseInt(fields.keyBits, 16) >>> 0 : 0;
    if (fields.kind === 'set-decoder-key-1') {
      pending = {
        received: 1, of: setSize, ken: fields.kenHigh << 4, krn: fields.krn, keyType: fields.keyType,
        rollover: fields.rollover, ti: 0, sgc: 0, words: [keyWord],
      };
      return { accepted: true, tokenClass: 2, subclass: 3, effect: { kind: 'key-change-pending', received: 1, of: setSize } };
    }
    const section = fields.kind === 'set-decoder-key-2' ? 2 : fields.kind === 'set-decoder-key-3' ? 3 : 4;
    const current = pending;
    if (current === null || section !== expected || section > current.of) {
      pending = null;
      const what = current === null
        ? 'no key-change set was started (enter its first token first)'
        : `token ${expected} of the set was expected`;
      return reject('SEQUENCE', `Key-change token ${section} arrived out of order: ${what}; enter the whole set again, in order.`);
    }
    current.received = section;
    current.words.push(keyWord);
    if (fields.kind === 'set-decoder-key-2') {
      current.ken |= fields.kenLow;
      current.ti = fields.ti;
    } else if (fields.kind === 'set-decoder-key-3') {
      current.sgc |= fields.sgcLow12;
    } else if (fields.kind === 'set-decoder-key-4') {
      current.sgc |= fields.sgcHigh12 << 12;
    }
    if (section < current.of) {
      return {
        accepted: true, tokenClass: 2, subclass: decoded.subclass,
        effect: { kind: 'key-change-pending', received: section, of: current.of },
      };
    }
    pending = null;
    return applyKeyChange(current);
  }

  function tidToken(decoded: DecodedToken): EnterResult {
    const { fields } = decoded;
    if (!('tid' in fields)) return reject('UNSUPPORTED', 'This token type is not supported by the meter.');
    const refused = checkTid(fields.tid);
    if (refused) return refused;
    const tid = fields.tid;
    let effect: MeterEffect;
    switch (fields.kind) {
      case 'credit': {
        registers[fields.unit] += fields.amountTenths;
        effect = { kind: 'credit', register: fields.unit, amountTenths: fields.amountTenths, balanceTenths: registers[fields.unit], tid };
        break;
      }
      case 'clear-credit': {
        let cleared: readonly CreditRegister[];
        if (fields.register === CLEAR_ALL_REGISTERS) cleared = CREDIT_REGISTERS;
        else {
          const one = CREDIT_REGISTERS[fields.register];
          if (one === undefined) {
            return reject('UNSUPPORTED', `Clear Credit names register ${fields.register}, which this meter does not have.`);
          }
          cleared = [one];
        }
        for (const r of cleared) registers[r] = 0;
        effect = { kind: 'clear-credit', registers: cleared, tid };
        break;
      }
      case 'set-maximum-power-limit':
        maximumPowerLimitWatts = fields.watts;
        effect = { kind: 'set-maximum-power-limit', watts: fields.watts, tid };
        break;
      case 'set-tariff-rate':
        tariffRate = fields.rate;
        effect = { kind: 'set-tariff-rate', rate: fields.rate, tid };
        break;
      case 'clear-tamper':
        tamper = false;
        effect = { kind: 'clear-tamper', tid };
        break;
      case 'set-phase-power-unbalance-limit':
        phasePowerUnbalanceLimitWatts = fields.watts;
        effect = { kind: 'set-phase-power-unbalance-limit', watts: fields.watts, tid };
        break;
      case 'set-water-meter-factor':
        waterMeterFactor = fields.factor;
        effect = { kind: 'set-water-meter-factor', factor: fields.factor, tid };
        break;
      default:
        return reject('UNSUPPORTED', 'This token type is not supported by the meter.');
    }
    remember(tid);
    return { accepted: true, tokenClass: decoded.tokenClass, subclass: decoded.subclass, effect };
  }

  function enter(token: string | bigint): EnterResult {
    let value: bigint;
    if (typeof token === 'bigint') value = token;
    else {
      const parsed = parseTokenNumber(token);
      if (!parsed.ok) {
        pending = null;
        return reject('FORMAT', `The token ${parsed.error.message}`);
      }
      value = parsed.value;
    }
    const decoded = decodeToken(value, cipher);
    const isKeyChange = decoded.tokenClass === 2 && [3, 4, 8, 9].includes(decoded.subclass);
    if (decoded.crcOk !== true) {
      pending = null;
      if (decoded.tokenClass === 3) return reject('UNSUPPORTED', 'Class 3 tokens are reserved; the meter does not accept them.');
      // Class 0 subclasses 4-7 are checked with CRC_C, which is not public: such a block is either a currency token
      // (not accepted here) or, far more often, a token that decrypted to noise under this key.
      return reject('CRC', decoded.crcOk === null
        ? 'The token does not check: a mistyped digit, a token for another meter or key, or a currency token (not accepted by this meter).'
        : 'The token does not check (CRC): a mistyped digit, or a token for another meter or key.');
    }
    if (isKeyChange) return keyChangeToken(decoded);
    pending = null;
    if (decoded.tokenClass === 1) {
      const { fields } = decoded;
      if (fields.kind !== 'meter-test') return reject('UNSUPPORTED', 'This test token type is not supported by the meter.');
      if (options.manufacturerCode !== undefined && fields.manufacturerCode !== options.manufacturerCode) {
        return reject('MANUFACTURER', `The test token is for manufacturer ${fields.manufacturerCode}, not this meter's ${options.manufacturerCode}.`);
      }
      return {
        accepted: true, tokenClass: 1, subclass: decoded.subclass,
        effect: {
          kind: 'meter-test', manufacturerCodeDigits: fields.manufacturerCodeDigits,
          manufacturerCode: fields.manufacturerCode, control: fields.control,
        },
      };
    }
    return tidToken(decoded);
  }

  return ok({
    enter,
    tamper(): void {
      tamper = true;
    },
    state(): VirtualMeterState {
      return {
        registers: { ...registers }, tamper, maximumPowerLimitWatts, phasePowerUnbalanceLimitWatts, tariffRate,
        waterMeterFactor, tids: [...tids], tidMemorySize, algorithm, ken, krn, keyType, ti, sgc,
        pendingKeyChangeTokens: pending?.received ?? 0,
      };
    },
  });
}
