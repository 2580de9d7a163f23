import { describe, expect, it } from 'vitest';
import { createDkga02Deriver, deriveDecoderKeyDkga02 } from '../../../../electron/sts/dkga02';
import { desEncryptBlock } from '../../../../electron/sts/des';
import { bytesToHex } from '../../../../electron/sts/hex';
import { controlBlock, panBlock, parseMeterPan, type MeterPan } from '../../../../electron/sts/meter-number';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const pan = (text: string): MeterPan => {
  const result = parseMeterPan(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const xor = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((v, i) => v ^ b[i]!);

// sts-spec 8.5: VK, MeterPAN, PANBlock, PAN xor CB, DES_VK(PAN xor CB), DK. KT 2, SGC 123456, TI 01, KRN 1.
const ROWS = [
  ['ABABABABABABABAB', '600727000000000009', '0072700000000000', '2151356011FFFFFF', '6CA9AAD4270FA73B', 'E653341F9D5BF36F'],
  ['ABABABABABABABAB', '000001000000000082', '0000100000000008', '2123556011FFFFF7', '63C8DDED94CDC79E', 'E94023262E9993C2'],
] as const;

describe('DKGA02 (vectors 8.5)', () => {
  it.each(ROWS)('VK %s, PAN %s: every intermediate and the DK', (vk, meterPan, pb, pbXorCb, des, dk) => {
    const params = { pan: pan(meterPan), keyType: 2, sgc: '123456', ti: 1, krn: 1 } as const;
    expect(bytesToHex(panBlock(params.pan, 2))).toBe(pb);
    expect(bytesToHex(controlBlock(params))).toBe('2123456011FFFFFF');
    const x = xor(panBlock(params.pan, 2), controlBlock(params));
    expect(bytesToHex(x)).toBe(pbXorCb);
    expect(bytesToHex(desEncryptBlock(bytes(vk), x))).toBe(des);
    expect(bytesToHex(deriveDecoderKeyDkga02(bytes(vk), params))).toBe(dk);
  });

  it('is canonical (big-endian), not the byte-reversed order NECTAR prints', () => {
    const dk = deriveDecoderKeyDkga02(bytes('ABABABABABABABAB'), { pan: pan('600727000000000009'), keyType: 2, sgc: '123456', ti: 1, krn: 1 });
    expect(bytesToHex(dk.slice().reverse())).toBe('6FF35B9D1F3453E6');
  });

  it('a prepared deriver gives the same keys and depends on every parameter', () => {
    const derive = createDkga02Deriver(bytes('ABABABABABABABAB'));
    const base = { pan: pan('600727000000000009'), keyType: 2, sgc: '123456', ti: 1, krn: 1 } as const;
    const reference = bytesToHex(derive(base));
    expect(reference).toBe('E653341F9D5BF36F');
    const variants = [
      { ...base, pan: pan('600727475001502312') }, { ...base, keyType: 1 as const }, { ...base, sgc: '123457' },
      { ...base, ti: 2 }, { ...base, krn: 2 },
    ];
    const keys = variants.map((v) => bytesToHex(derive(v)));
    expect(new Set([reference, ...keys]).size).toBe(variants.length + 1);
  });

  it('refuses a vending key that is not 8 bytes', () => {
    expect(() => createDkga02Deriver(new Uint8Array(20))).toThrow(/8 bytes/);
  });
});
