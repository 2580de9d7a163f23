// The token CRC (sts-spec.md section 4): CRC-16/MODBUS (reflected poly 0xA001, init 0xFFFF, no final XOR) over 7 bytes
// = 6 zero bits, Class(2), SubClass(4), payload(44); the register is stored byte-swapped in block bits 15..0 (its low
// byte goes to bits 15..8). The class bits are part of the CRC although they are never encrypted.
import { bigIntToHalves } from './hex';
import type { TokenClass } from './token-number';

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** The CRC-16/MODBUS register after `bytes` (not byte-swapped). */
export function crc16Modbus(bytes: ArrayLike<number>): number {
  let crc = 0xffff;
  for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ (TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}

/** Byte-swaps a 16-bit register into the token's CRC field. */
export function crcRegisterToField(register: number): number {
  return ((register & 0xff) << 8) | (register >>> 8);
}

/**
 * The CRC field for a block given as halves (hi = bits 63..32, lo = bits 31..0; lo's low 16 bits are ignored).
 * Hot path: no allocation.
 */
export function stsCrcFieldFromHalves(tokenClass: TokenClass, hi: number, lo: number): number {
  const t = TABLE;
  let crc = 0xffff;
  crc = (crc >>> 8) ^ (t[(crc ^ tokenClass) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ (hi >>> 24)) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ (hi >>> 16)) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ (hi >>> 8)) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ hi) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ (lo >>> 24)) & 0xff] ?? 0);
  crc = (crc >>> 8) ^ (t[(crc ^ (lo >>> 16)) & 0xff] ?? 0);
  return crcRegisterToField(crc);
}

/** The CRC field the 64-bit plaintext block should carry (its own bits 15..0 are ignored). */
export function stsCrcField(tokenClass: TokenClass, block: bigint): number {
  const [hi, lo] = bigIntToHalves(block);
  return stsCrcFieldFromHalves(tokenClass, hi, lo);
}

/** True when the plaintext block's bits 15..0 hold the right CRC for its class, subclass and payload. */
export function isStsCrcValid(tokenClass: TokenClass, block: bigint): boolean {
  return stsCrcField(tokenClass, block) === Number(block & 0xffffn);
}
