// DKGA02 (sts-spec.md section 6.2): DK = DES_VK(PANBlock XOR CONTROLBlock) XOR (PANBlock XOR CONTROLBlock) XOR VK,
// all 8-byte big-endian. The result is the canonical key order (DES output order), the one that feeds STA; NECTAR
// prints it byte-reversed. The raw VK is XORed (no parity forcing); for odd-parity keys both readings agree.
import { desEncryptHalves, prepareDesKey, type DesKeySchedule } from './des';
import { bytesToHalves, halvesToBytes } from './hex';
import { controlBlockDigits, panBlockDigits, type ControlBlockInput, type MeterPan } from './meter-number';
import { StsInputError } from './result';

export type Dkga02Params = ControlBlockInput & Readonly<{ pan: MeterPan }>;

/** Reads a 16-digit block (digits 0-9 and F, used as nibbles) as two 32-bit halves. */
function digitsToHalves(digits: string): [number, number] {
  return [Number.parseInt(digits.slice(0, 8), 16) >>> 0, Number.parseInt(digits.slice(8, 16), 16) >>> 0];
}

/** A vending key prepared once (its DES key schedule), for deriving many decoder keys. */
export type Dkga02Deriver = (params: Dkga02Params) => Uint8Array;

/**
 * Prepares a 64-bit vending key for DKGA02 and returns a function deriving decoder keys with it.
 * @throws StsInputError if the vending key is not 8 bytes, or (when deriving) a key parameter is out of range.
 */
export function createDkga02Deriver(vendingKey: Uint8Array): Dkga02Deriver {
  if (vendingKey.length !== 8) throw new StsInputError('vendingKey', `must be 8 bytes for DKGA02, got ${vendingKey.length}.`);
  const schedule: DesKeySchedule = prepareDesKey(vendingKey);
  const [vh, vl] = bytesToHalves(vendingKey);
  const out = new Uint32Array(2);
  return (params) => {
    const [ph, pl] = digitsToHalves(panBlockDigits(params.pan, params.keyType));
    const [ch, cl] = digitsToHalves(controlBlockDigits(params));
    const xh = (ph ^ ch) >>> 0;
    const xl = (pl ^ cl) >>> 0;
    desEncryptHalves(schedule, xh, xl, out);
    return halvesToBytes(((out[0] ?? 0) ^ xh ^ vh) >>> 0, ((out[1] ?? 0) ^ xl ^ vl) >>> 0);
  };
}

/** Derives one DKGA02 decoder key (8 bytes, canonical order). For many keys use {@link createDkga02Deriver}. */
export function deriveDecoderKeyDkga02(vendingKey: Uint8Array, params: Dkga02Params): Uint8Array {
  return createDkga02Deriver(vendingKey)(params);
}
