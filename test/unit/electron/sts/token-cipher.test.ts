import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, ENCRYPTION_ALGORITHMS } from '../../../../electron/sts/token-cipher';
import { parseStaTables } from '../../../../electron/sts/sta-tables';

const key = Uint8Array.from(Buffer.from('0ABC12DEF3456789', 'hex'));

describe('createTokenCipher', () => {
  it('EA07 uses the sample tables unless given others, and reports which', () => {
    const cipher = createTokenCipher({ algorithm: 'EA07', decoderKey: key });
    expect(cipher.tableStatus).toBe('sample');
    const out = new Uint32Array(2);
    cipher.encryptHalves(0x0b19eb23, 0x0100c207, out);
    expect([out[0], out[1]]).toEqual([0xc45ed161, 0x9406df95]);
    const madeUp = parseStaTables(readFileSync(new URL('../../../fixtures/sts/made-up-sta-tables.json', import.meta.url), 'utf8'));
    if (!madeUp.ok) throw new Error(madeUp.error.message);
    const other = createTokenCipher({ algorithm: 'EA07', decoderKey: key, tables: madeUp.value });
    expect(other.tableStatus).toBe('unknown');
    other.encryptHalves(0x0b19eb23, 0x0100c207, out);
    expect([out[0], out[1]]).not.toEqual([0xc45ed161, 0x9406df95]);
  });

  it('EA09 has no tables and encrypts with DES (FIPS vector)', () => {
    const cipher = createTokenCipher({ algorithm: 'EA09', decoderKey: Uint8Array.from(Buffer.from('133457799BBCDFF1', 'hex')) });
    expect(cipher.tableStatus).toBeNull();
    const out = new Uint32Array(2);
    cipher.encryptHalves(0x01234567, 0x89abcdef, out);
    expect([out[0], out[1]]).toEqual([0x85e81354, 0x0f0ab405]);
    cipher.decryptHalves(out[0]!, out[1]!, out);
    expect([out[0], out[1]]).toEqual([0x01234567, 0x89abcdef]);
  });

  it('lists the algorithms and refuses keys of the wrong length', () => {
    expect(ENCRYPTION_ALGORITHMS).toEqual(['EA07', 'EA09', 'EA11']);
    expect(() => createTokenCipher({ algorithm: 'EA09', decoderKey: new Uint8Array(7) })).toThrow(expect.objectContaining({ field: 'decoderKey' }));
    expect(() => createTokenCipher({ algorithm: 'EA11', decoderKey: new Uint8Array(8) })).toThrow(/16 bytes/);
    expect(() => createTokenCipher({ algorithm: 'EA07', decoderKey: new Uint8Array(16) })).toThrow(/8 bytes/);
  });

  it('EA11 has no tables and encrypts with MISTY1 (RFC 2994 vector, sts-spec 8.8)', () => {
    const cipher = createTokenCipher({ algorithm: 'EA11', decoderKey: Uint8Array.from(Buffer.from('00112233445566778899aabbccddeeff', 'hex')) });
    expect(cipher.tableStatus).toBeNull();
    const out = new Uint32Array(2);
    cipher.encryptHalves(0x01234567, 0x89abcdef, out);
    expect([out[0], out[1]]).toEqual([0x8b1da5f5, 0x6ab3d07c]);
    cipher.decryptHalves(out[0]!, out[1]!, out);
    expect([out[0], out[1]]).toEqual([0x01234567, 0x89abcdef]);
  });
});
