import { describe, expect, it } from 'vitest';
import { buildKeyChangeTokens } from '../../../../electron/sts/key-change';
import type { EncryptionAlgorithm } from '../../../../electron/sts/token-cipher';
import {
  buildClearCreditToken, buildClearTamperToken, buildCreditToken, buildManagementToken, buildMeterTestToken,
  buildSetMaximumPowerLimitToken, buildSetPhasePowerUnbalanceLimitToken, buildSetTariffRateToken,
  buildSetWaterMeterFactorToken, sealClassTwoToken,
} from '../../../../electron/sts/token-builders';
import { formatTokenNumber, insertClassBits } from '../../../../electron/sts/token-number';
import { createVirtualMeter, type EnterResult, type VirtualMeter, type VirtualMeterOptions } from '../../../../electron/sts/virtual-meter';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

const KEYS: Record<EncryptionAlgorithm, { old: Uint8Array; next: Uint8Array }> = {
  EA07: { old: bytes('E653341F9D5BF36F'), next: bytes('E94023262E9993C2') },
  EA09: { old: bytes('E653341F9D5BF36F'), next: bytes('E94023262E9993C2') },
  EA11: { old: bytes('F94B6ED353C3BFDB113E2D3A7EA3C41D'), next: bytes('00112233445566778899AABBCCDDEEFF') },
};

function meterFor(algorithm: EncryptionAlgorithm, extra: Partial<VirtualMeterOptions> = {}): VirtualMeter {
  const made = createVirtualMeter({ decoderKey: KEYS[algorithm].old, algorithm, ...extra });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const reason = (r: EnterResult): string => (r.accepted ? 'accepted' : r.reason);

describe.each(['EA07', 'EA09', 'EA11'] as const)('virtual meter, %s', (algorithm) => {
  const cipher = { algorithm, decoderKey: KEYS[algorithm].old };
  const credit = (tid: number, amountTenths: number, subclass: 0 | 1 | 2 | 3 = 0, key = KEYS[algorithm].old): string =>
    buildCreditToken({ cipher: { algorithm, decoderKey: key }, subclass, amountTenths, tid, rnd: 5 }).tokenNumber;
  const keyChange = (rollover: boolean, next = KEYS[algorithm].next): string[] => buildKeyChangeTokens({
    cipher, newDecoderKey: next, keyType: 2, krn: 2, ti: 7, ken: 255, rollover, sgc: '654321',
  }).tokens.map((t) => t.tokenNumber);

  it('accepts every credit subclass into its own register', () => {
    const meter = meterFor(algorithm);
    const effects = ([0, 1, 2, 3] as const).map((sub, i) => meter.enter(credit(100 + i, 10 * (i + 1), sub)));
    expect(effects.map((e) => (e.accepted ? e.effect : e))).toEqual([
      { kind: 'credit', register: 'electricity', amountTenths: 10, balanceTenths: 10, tid: 100 },
      { kind: 'credit', register: 'water', amountTenths: 20, balanceTenths: 20, tid: 101 },
      { kind: 'credit', register: 'gas', amountTenths: 30, balanceTenths: 30, tid: 102 },
      { kind: 'credit', register: 'time', amountTenths: 40, balanceTenths: 40, tid: 103 },
    ]);
    expect(meter.state().registers).toEqual({ electricity: 10, water: 20, gas: 30, time: 40 });
  });

  it('applies every management token the builders make', () => {
    const meter = meterFor(algorithm);
    const t = { cipher, rnd: 5 };
    meter.tamper();
    expect(meter.state().tamper).toBe(true);
    const results = [
      buildSetMaximumPowerLimitToken({ ...t, tid: 200, watts: 1000 }),
      buildSetTariffRateToken({ ...t, tid: 201, rate: 42 }),
      buildClearTamperToken({ ...t, tid: 202 }),
      buildSetPhasePowerUnbalanceLimitToken({ ...t, tid: 203, watts: 20000 }),
      buildSetWaterMeterFactorToken({ ...t, tid: 204, factor: 7 }),
      buildManagementToken({ ...t, tid: 205, subclass: 0, value: 1500 }),
    ].map((token) => meter.enter(token.tokenNumber));
    expect(results.map((r) => (r.accepted ? r.effect : r))).toEqual([
      { kind: 'set-maximum-power-limit', watts: 1000, tid: 200 },
      { kind: 'set-tariff-rate', rate: 42, tid: 201 },
      { kind: 'clear-tamper', tid: 202 },
      { kind: 'set-phase-power-unbalance-limit', watts: 20004, tid: 203 },
      { kind: 'set-water-meter-factor', factor: 7, tid: 204 },
      { kind: 'set-maximum-power-limit', watts: 1500, tid: 205 },
    ]);
    expect(meter.state()).toMatchObject({
      tamper: false, maximumPowerLimitWatts: 1500, tariffRate: 42, phasePowerUnbalanceLimitWatts: 20004, waterMeterFactor: 7,
    });
  });

  it('clear credit clears one register, or all with FFFF, and refuses a register it does not have', () => {
    const meter = meterFor(algorithm);
    [credit(1, 50, 0), credit(2, 60, 1), credit(3, 70, 2)].forEach((tok) => meter.enter(tok));
    const one = meter.enter(buildClearCreditToken({ cipher, rnd: 5, tid: 4, register: 1 }).tokenNumber);
    expect(one.accepted && one.effect).toEqual({ kind: 'clear-credit', registers: ['water'], tid: 4 });
    expect(meter.state().registers).toEqual({ electricity: 50, water: 0, gas: 70, time: 0 });
    expect(reason(meter.enter(buildClearCreditToken({ cipher, rnd: 5, tid: 5, register: 9 }).tokenNumber))).toBe('UNSUPPORTED');
    meter.enter(buildClearCreditToken({ cipher, rnd: 5, tid: 6, register: 0xffff }).tokenNumber);
    expect(meter.state().registers).toEqual({ electricity: 0, water: 0, gas: 0, time: 0 });
  });

  it('accepts class 1 test tokens without a key, and checks the manufacturer when it has one', () => {
    const two = buildMeterTestToken({ manufacturerCodeDigits: 2, manufacturerCode: 0, control: 2 ** 36 - 1 }).tokenNumber;
    const four = buildMeterTestToken({ manufacturerCodeDigits: 4, manufacturerCode: 1234, control: 1 }).tokenNumber;
    const meter = meterFor(algorithm);
    expect(meter.enter(two)).toEqual({
      accepted: true, tokenClass: 1, subclass: 0,
      effect: { kind: 'meter-test', manufacturerCodeDigits: 2, manufacturerCode: 0, control: 2 ** 36 - 1 },
    });
    expect(meter.enter(four)).toMatchObject({ accepted: true, effect: { manufacturerCodeDigits: 4, manufacturerCode: 1234 } });
    const strict = meterFor(algorithm, { manufacturerCode: 1234 });
    expect(reason(strict.enter(two))).toBe('MANUFACTURER');
    expect(reason(strict.enter(four))).toBe('accepted');
  });

  it('a key change, then a credit token on the new key is accepted and one on the old key is rejected', () => {
    const meter = meterFor(algorithm);
    expect(reason(meter.enter(credit(10, 5)))).toBe('accepted');
    const set = keyChange(false);
    const results = set.map((tok) => meter.enter(tok));
    const last = results.at(-1)!;
    expect(results.slice(0, -1).map((r) => (r.accepted ? r.effect.kind : r.reason))).toEqual(set.slice(0, -1).map(() => 'key-change-pending'));
    expect(last.accepted && last.effect).toEqual({
      kind: 'key-change', krn: 2, keyType: 2, ti: 7, ken: 255, sgc: algorithm === 'EA11' ? '654321' : null, rollover: false,
    });
    expect(meter.state()).toMatchObject({ krn: 2, keyType: 2, ti: 7, pendingKeyChangeTokens: 0 });
    expect(reason(meter.enter(credit(11, 5, 0, KEYS[algorithm].next)))).toBe('accepted');
    expect(reason(meter.enter(credit(12, 5, 0, KEYS[algorithm].old)))).toBe('CRC');
    // RO = 0 kept the TID memory: TID 10 is still USED on the new key.
    expect(reason(meter.enter(credit(10, 5, 0, KEYS[algorithm].next)))).toBe('USED');
  });

  it('a roll-over key change (RO = 1) clears the TID memory', () => {
    const meter = meterFor(algorithm);
    meter.enter(credit(16_000_000, 5));
    expect(meter.state().tids).toEqual([16_000_000]);
    keyChange(true).forEach((tok) => meter.enter(tok));
    expect(meter.state().tids).toEqual([]);
    expect(meter.state().registers.electricity).toBe(5);
    expect(reason(meter.enter(credit(480, 5, 0, KEYS[algorithm].next)))).toBe('accepted');
  });

  it('applies a set only when all its tokens arrive in order; anything else in between discards it', () => {
    const set = keyChange(false);
    const meter = meterFor(algorithm);
    expect(reason(meter.enter(set[1]!))).toBe('SEQUENCE');
    expect(reason(meter.enter(set[0]!))).toBe('accepted');
    expect(meter.state().pendingKeyChangeTokens).toBe(1);
    expect(reason(meter.enter(credit(20, 5)))).toBe('accepted');
    expect(meter.state().pendingKeyChangeTokens).toBe(0);
    expect(reason(meter.enter(set[1]!))).toBe('SEQUENCE');
    expect(reason(meter.enter(credit(21, 5)))).toBe('accepted');
    if (set.length === 4) {
      meter.enter(set[0]!);
      meter.enter(set[1]!);
      expect(reason(meter.enter(set[3]!))).toBe('SEQUENCE');
      expect(reason(meter.enter(credit(22, 5)))).toBe('accepted');
    }
    set.forEach((tok) => meter.enter(tok));
    expect(reason(meter.enter(credit(23, 5, 0, KEYS[algorithm].next)))).toBe('accepted');
  });
});

describe('virtual meter TID memory', () => {
  const key = KEYS.EA07.old;
  const credit = (tid: number): string => buildCreditToken({ cipher: { algorithm: 'EA07', decoderKey: key }, subclass: 0, amountTenths: 10, tid, rnd: 5 }).tokenNumber;

  it('five credit tokens in one minute with successive TIDs are all accepted', () => {
    const made = createVirtualMeter({ decoderKey: key, algorithm: 'EA07' });
    if (!made.ok) throw new Error();
    const minute = 5_871_715;
    const results = [0, 1, 2, 3, 4].map((i) => made.value.enter(credit(minute + i)));
    expect(results.map(reason)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(made.value.state().registers.electricity).toBe(50);
  });

  it('a repeated token is USED, even with spaces', () => {
    const made = createVirtualMeter({ decoderKey: key, algorithm: 'EA07' });
    if (!made.ok) throw new Error();
    const token = credit(1000);
    expect(reason(made.value.enter(token))).toBe('accepted');
    expect(made.value.enter(token.replace(/(\d{4})(?=\d)/g, '$1 '))).toMatchObject({ accepted: false, reason: 'USED' });
    expect(made.value.state().registers.electricity).toBe(10);
  });

  it('when the memory is full, a TID older than the oldest held is OLD; a newer unseen one is accepted and the oldest drops', () => {
    const made = createVirtualMeter({ decoderKey: key, algorithm: 'EA07', tidMemorySize: 3 });
    if (!made.ok) throw new Error();
    const meter = made.value;
    expect(reason(meter.enter(credit(5)))).toBe('accepted');
    [10, 20, 30].forEach((tid) => meter.enter(credit(tid)));
    expect(meter.state().tids).toEqual([10, 20, 30]);
    expect(meter.enter(credit(6))).toMatchObject({ accepted: false, reason: 'OLD' });
    expect(reason(meter.enter(credit(15)))).toBe('accepted');
    expect(meter.state().tids).toEqual([15, 20, 30]);
    expect(reason(meter.enter(credit(10)))).toBe('OLD');
  });

  it('holds 50 TIDs by default', () => {
    const made = createVirtualMeter({ decoderKey: key, algorithm: 'EA07' });
    if (!made.ok) throw new Error();
    for (let tid = 1; tid <= 60; tid++) made.value.enter(credit(tid));
    expect(made.value.state().tids).toEqual(Array.from({ length: 50 }, (_, i) => i + 11));
    expect(reason(made.value.enter(credit(10)))).toBe('OLD');
  });

  it('refuses a TID past the key expiry (KEN) as KEY_EXPIRED', () => {
    const made = createVirtualMeter({ decoderKey: key, algorithm: 'EA07', ken: 0x59 });
    if (!made.ok) throw new Error();
    expect(reason(made.value.enter(credit(0x59ffff)))).toBe('accepted');
    expect(reason(made.value.enter(credit(0x5a0000)))).toBe('KEY_EXPIRED');
  });
});

describe('virtual meter: what a meter refuses', () => {
  const made = createVirtualMeter({ decoderKey: KEYS.EA07.old, algorithm: 'EA07' });
  if (!made.ok) throw new Error();
  const meter = made.value;

  it('refuses malformed digits, a mistyped token, class 3 and unknown management subclasses', () => {
    const token = buildCreditToken({ cipher: { algorithm: 'EA07', decoderKey: KEYS.EA07.old }, subclass: 0, amountTenths: 10, tid: 77, rnd: 5 }).tokenNumber;
    const typo = token.slice(0, 5) + ((Number(token[5]) + 1) % 10) + token.slice(6);
    expect(reason(meter.enter('1234'))).toBe('FORMAT');
    expect(reason(meter.enter(typo))).toBe('CRC');
    expect(reason(meter.enter(formatTokenNumber(insertClassBits(0x0123456789abcdefn, 3))))).toBe('UNSUPPORTED');
    const reserved = sealClassTwoToken(10, 0x123, 0x456789ab, { algorithm: 'EA07', decoderKey: KEYS.EA07.old }).tokenNumber;
    expect(reason(meter.enter(reserved))).toBe('UNSUPPORTED');
    expect(meter.state().registers.electricity).toBe(0);
  });

  it('reads the sts-spec 8.8 EA11 credit tokens (0.1 electricity and 0.1 water, base date 1993)', () => {
    const ea11 = createVirtualMeter({ decoderKey: KEYS.EA11.old, algorithm: 'EA11' });
    if (!ea11.ok) throw new Error();
    const a = ea11.value.enter('59386323472137426967');
    const b = ea11.value.enter('47186281207955155808');
    expect(a.accepted && a.effect).toMatchObject({ kind: 'credit', register: 'electricity', amountTenths: 1, tid: 5871660 });
    expect(b.accepted && b.effect).toMatchObject({ kind: 'credit', register: 'water', amountTenths: 1, tid: 5871665 });
  });

  it('rejects options it cannot work with, naming them', () => {
    const bad = createVirtualMeter({ decoderKey: new Uint8Array(8), algorithm: 'EA11' });
    expect(bad.ok ? 'ok' : bad.error.field).toBe('decoderKey');
    const size = createVirtualMeter({ decoderKey: new Uint8Array(8), algorithm: 'EA07', tidMemorySize: 0 });
    expect(size.ok ? 'ok' : size.error.field).toBe('tidMemorySize');
  });

  it('never shows its key', () => {
    const text = JSON.stringify(meter.state()) + JSON.stringify(Object.keys(meter));
    expect(text).not.toContain('E653341F');
    expect(text.toLowerCase()).not.toContain('e653341f');
  });
});
