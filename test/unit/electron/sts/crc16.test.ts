import { describe, expect, it } from 'vitest';
import {
  crc16Modbus, crcRegisterToField, isStsCrcValid, stsCrcField, stsCrcFieldFromHalves,
} from '../../../../electron/sts/crc16';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('CRC-16 (sts-spec 4, vectors 8.1)', () => {
  it('is CRC-16/MODBUS: the catalogue check value of "123456789" is 0x4B37', () => {
    expect(crc16Modbus(Buffer.from('123456789', 'ascii'))).toBe(0x4b37);
  });

  it.each([
    ['000B19EB230100', 0x07c2, 0xc207],
    ['00004A2D900FF2', 0xfa0f, 0x0ffa],
  ])('%s -> register %i -> field %i (byte-swapped)', (input, register, field) => {
    expect(crc16Modbus(bytes(input))).toBe(register);
    expect(crcRegisterToField(register)).toBe(field);
  });

  it('includes the class bits: the same 6 bytes under class 0 and class 2 differ', () => {
    expect(stsCrcFieldFromHalves(0, 0x0b19eb23, 0x01000000)).toBe(0xc207);
    expect(stsCrcFieldFromHalves(2, 0x0b19eb23, 0x01000000)).not.toBe(0xc207);
    expect(stsCrcFieldFromHalves(2, 0x0b19eb23, 0x01000000))
      .toBe(crcRegisterToField(crc16Modbus(bytes('020B19EB230100'))));
  });

  it('checks a block: the sample block is valid, any flipped payload bit is not', () => {
    const block = 0x0b19eb230100c207n;
    expect(stsCrcField(0, block)).toBe(0xc207);
    expect(isStsCrcValid(0, block)).toBe(true);
    for (let bit = 16n; bit < 64n; bit++) expect(isStsCrcValid(0, block ^ (1n << bit))).toBe(false);
    expect(isStsCrcValid(0, block ^ 1n)).toBe(false);
  });
});
