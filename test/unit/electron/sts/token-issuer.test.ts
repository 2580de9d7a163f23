import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDecoderKeyDkga02 } from '../../../../electron/sts/dkga02';
import { deriveDecoderKeyDkga04 } from '../../../../electron/sts/dkga04';
import { parseMeterPan } from '../../../../electron/sts/meter-number';
import { parseStaTables } from '../../../../electron/sts/sta-tables';
import {
  createTokenIssuer, type IssuedToken, type IssueResult, type StsKeyParams, type StsMeter, type VendingKeyRequest,
} from '../../../../electron/sts/token-issuer';
import { createVirtualMeter } from '../../../../electron/sts/virtual-meter';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

const VK_DES = 'ABABABABABABABAB';
const VK_160 = 'ABABABABABABABAB949494949494949401234567';

function provider(calls: VendingKeyRequest[] = []) {
  return (request: VendingKeyRequest): Uint8Array | null => {
    calls.push(request);
    if (request.sgc === '999999') return null;
    return bytes(request.dkga === 'DKGA02' ? VK_DES : VK_160);
  };
}

const EA07_KEY: StsKeyParams = { dkga: 'DKGA02', algorithm: 'EA07', sgc: '123456', krn: 1, keyType: 2, ti: 1, baseYear: 1993 };
const EA11_KEY: StsKeyParams = { dkga: 'DKGA04', algorithm: 'EA11', sgc: '123457', krn: 1, keyType: 2, ti: 1, baseYear: 1993 };
const meter07: StsMeter = { scheme: 'STS', meterId: 'm-1', pan: '600727000000000009', key: EA07_KEY };
const meter11: StsMeter = { scheme: 'STS', meterId: 'm-2', pan: '600727000000000009', key: EA11_KEY };

function stsNumber(token: IssuedToken): string {
  if (token.scheme !== 'STS') throw new Error('expected an STS token');
  return token.tokenNumber;
}

function value<T>(result: IssueResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.field}: ${result.error.message}`);
  return result.value;
}

describe('TokenIssuer, STS', () => {
  it('derives the DKGA02 key from the provider and issues the sts-spec 8.12 tokens', () => {
    const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
    expect(value(issuer.credit({ meter: meter07, subclass: 0, amountTenths: 1, tid: 5871715, rnd: 5 }))).toEqual({
      scheme: 'STS', tokenNumber: '67540125520408448957', tokenClass: 0, subclass: 0, tid: 5871715, value: 1,
    });
    expect(value(issuer.credit({ meter: meter07, subclass: 1, amountTenths: 256, tid: 5915550, rnd: 5 })).tokenNumber).toBe('32656787190707896065');
    expect(value(issuer.management({ meter: meter07, subclass: 0, value: 1000, tid: 5910301, rnd: 5 })).tokenNumber).toBe('31607400466983708922');
    expect(value(issuer.management({ meter: meter07, subclass: 5, value: 0, tid: 5910360, rnd: 5 })).tokenNumber).toBe('24344972661234562295');
  });

  it('derives the DKGA04 128-bit key and issues the sts-spec 8.8 EA11 credit tokens', () => {
    const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
    expect(value(issuer.credit({ meter: meter11, subclass: 0, amountTenths: 1, tid: 5871660, rnd: 5 })).tokenNumber).toBe('59386323472137426967');
    expect(value(issuer.credit({ meter: meter11, subclass: 1, amountTenths: 1, tid: 5871665, rnd: 5 })).tokenNumber).toBe('47186281207955155808');
  });

  it('issues class 1 test tokens without a key (sts-spec 8.9)', () => {
    const issuer = createTokenIssuer({ vendingKeyProvider: () => null });
    expect(value(issuer.testToken({ manufacturerCodeDigits: 2, manufacturerCode: 0, control: 2 ** 36 - 1 })).tokenNumber).toBe('56493153725450313471');
    expect(value(issuer.testToken({ manufacturerCodeDigits: 4, manufacturerCode: 0, control: 2 ** 28 - 1 })).tokenNumber).toBe('02305843005052951967');
  });

  it.each([['EA07', meter07], ['EA11', meter11]] as const)('%s: a key change set the virtual meter applies, then credit on the new key', (_, meter) => {
    const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
    const next: StsKeyParams = { ...meter.key, krn: 2, baseYear: 2014, ti: 3 };
    const set = value(issuer.keyChange({ meter, next, rollover: true }));
    expect(set.tokens).toHaveLength(meter.key.algorithm === 'EA11' ? 4 : 2);
    expect(set.tokens.map((t) => t.subclass)).toEqual(meter.key.algorithm === 'EA11' ? [3, 4, 8, 9] : [3, 4]);

    // The virtual meter is coded with the decoder key derived here from the primitives, not taken from the issuer.
    const oldCredit = value(issuer.credit({ meter, subclass: 0, amountTenths: 10, tid: 16_000_000, rnd: 1 }));
    const virtual = meterHolding(meter);
    expect(virtual.enter(stsNumber(oldCredit)).accepted).toBe(true);
    for (const token of set.tokens) expect(virtual.enter(token.tokenNumber).accepted).toBe(true);
    expect(virtual.state()).toMatchObject({ krn: 2, ti: 3, tids: [] });
    const moved: StsMeter = { ...meter, key: next };
    const newCredit = value(issuer.credit({ meter: moved, subclass: 0, amountTenths: 20, tid: 480, rnd: 2 }));
    expect(virtual.enter(stsNumber(newCredit))).toMatchObject({ accepted: true, effect: { balanceTenths: 30 } });
    const stale = value(issuer.credit({ meter, subclass: 0, amountTenths: 20, tid: 16_000_001, rnd: 2 }));
    expect(virtual.enter(stsNumber(stale))).toMatchObject({ accepted: false, reason: 'CRC' });
  });

  it('asks the provider once per supply group and key revision; forgetKeys drops the cache', () => {
    const calls: VendingKeyRequest[] = [];
    const issuer = createTokenIssuer({ vendingKeyProvider: provider(calls) });
    for (let tid = 1; tid <= 5; tid++) value(issuer.credit({ meter: meter07, subclass: 0, amountTenths: 10, tid, rnd: 0 }));
    value(issuer.credit({ meter: { ...meter07, meterId: 'm-9', pan: '600727475001502312' }, subclass: 0, amountTenths: 10, tid: 1, rnd: 0 }));
    expect(calls).toEqual([{ sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 1993 }]);
    value(issuer.credit({ meter: { ...meter07, key: { ...EA07_KEY, krn: 2 } }, subclass: 0, amountTenths: 10, tid: 9, rnd: 0 }));
    expect(calls).toHaveLength(2);
    issuer.forgetKeys();
    value(issuer.credit({ meter: meter07, subclass: 0, amountTenths: 10, tid: 10, rnd: 0 }));
    expect(calls).toHaveLength(3);
  });

  it('wipes the vending key the provider handed over once it is prepared', () => {
    const handed: Uint8Array[] = [];
    const issuer = createTokenIssuer({
      vendingKeyProvider: (request) => {
        const key = bytes(request.dkga === 'DKGA02' ? VK_DES : VK_160);
        handed.push(key);
        return key;
      },
    });
    value(issuer.credit({ meter: meter07, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 }));
    value(issuer.credit({ meter: meter11, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 }));
    expect(handed.map((k) => k.every((b) => b === 0))).toEqual([true, true]);
  });

  it('keeps a meter with other STA tables apart in the cache', () => {
    const made = parseStaTables(readFileSync(new URL('../../../fixtures/sts/made-up-sta-tables.json', import.meta.url), 'utf8'));
    if (!made.ok) throw new Error(made.error.message);
    const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
    const request = { subclass: 0 as const, amountTenths: 1, tid: 5871715, rnd: 5 };
    const sample = value(issuer.credit({ ...request, meter: meter07 })).tokenNumber;
    const other = value(issuer.credit({ ...request, meter: { ...meter07, tables: made.value } })).tokenNumber;
    expect(sample).toBe('67540125520408448957');
    expect(other).not.toBe(sample);
    expect(value(issuer.credit({ ...request, meter: meter07 })).tokenNumber).toBe(sample);
  });

  it('is deterministic: the same inputs give the same token', () => {
    const a = createTokenIssuer({ vendingKeyProvider: provider() });
    const b = createTokenIssuer({ vendingKeyProvider: provider(), cacheSize: 1 });
    const request = { meter: meter11, subclass: 0 as const, amountTenths: 123, tid: 777, rnd: 9 };
    expect(value(a.credit(request))).toEqual(value(b.credit(request)));
  });

  it('never returns or mentions a key', () => {
    const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
    const outputs = [
      issuer.credit({ meter: meter07, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 }),
      issuer.keyChange({ meter: meter11, next: { ...EA11_KEY, krn: 2 } }),
      issuer.credit({ meter: meter07, subclass: 0, amountTenths: 1, tid: 0x1000000, rnd: 5 }),
      issuer.credit({ meter: { ...meter07, key: { ...EA07_KEY, sgc: '999999' } }, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 }),
    ];
    const text = JSON.stringify(outputs).toUpperCase();
    for (const secret of [VK_DES, VK_160, 'E653341F9D5BF36F', 'F94B6ED353C3BFDB']) expect(text).not.toContain(secret);
  });
});

describe('TokenIssuer errors are values', () => {
  const issuer = createTokenIssuer({ vendingKeyProvider: provider() });
  const code = <T>(r: IssueResult<T>): string => (r.ok ? 'ok' : `${r.error.code}:${r.error.field}`);

  it('names what is wrong', () => {
    expect(code(issuer.credit({ meter: { ...meter07, key: { ...EA07_KEY, sgc: '999999' } }, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 })))
      .toBe('KEY_UNAVAILABLE:vendingKey');
    expect(code(issuer.credit({ meter: { ...meter07, key: { ...EA07_KEY, ken: 0x58 } }, subclass: 0, amountTenths: 1, tid: 5871715, rnd: 5 })))
      .toBe('KEY_EXPIRED:tid');
    expect(code(issuer.credit({ meter: { ...meter07, pan: '600727000000000008' }, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 })))
      .toBe('INVALID_INPUT:pan');
    expect(code(issuer.credit({ meter: meter07, subclass: 0, amountTenths: 1, tid: 1, rnd: 16 }))).toBe('INVALID_INPUT:rnd');
    expect(code(issuer.credit({ meter: meter07, subclass: 0, amountTenths: -1, tid: 1, rnd: 1 }))).toBe('INVALID_INPUT:amountTenths');
    expect(code(issuer.credit({ meter: { ...meter07, key: { ...EA07_KEY, algorithm: 'EA11' } }, subclass: 0, amountTenths: 1, tid: 1, rnd: 1 })))
      .toBe('UNSUPPORTED:algorithm');
    expect(code(issuer.keyChange({ meter: meter07, next: { ...EA07_KEY, algorithm: 'EA09' } }))).toBe('UNSUPPORTED:algorithm');
    expect(code(issuer.keyChange({ meter: meter07, next: { ...EA07_KEY, krn: 10 } }))).toBe('INVALID_INPUT:krn');
    expect(code(issuer.testToken({ manufacturerCodeDigits: 2, manufacturerCode: 100, control: 1 }))).toBe('INVALID_INPUT:manufacturerCode');
  });
});

describe('TokenIssuer, OpenPAYGO kits', () => {
  const kitKey = bytes('bc41ec9530f6dac86b1a29ab82edc5fb');
  const issuer = createTokenIssuer({
    vendingKeyProvider: () => null,
    openPaygoKeyProvider: ({ meterId }) => (meterId === 'kit-1' ? Uint8Array.from(kitKey) : null),
  });
  const kit = { scheme: 'OPENPAYGO' as const, meterId: 'kit-1', startingCode: 516959010 };

  it('credit is add time (sts-spec 8.11)', () => {
    expect(value(issuer.credit({ meter: kit, days: 1, count: 1 }))).toEqual({
      scheme: 'OPENPAYGO', code: '588224011', type: 'ADD_TIME', value: 1, newCount: 2,
    });
  });

  it('management is set time, disable PAYG or counter sync, on odd counts', () => {
    expect(value(issuer.management({ meter: kit, action: 'set-time', days: 30, count: 2 }))).toMatchObject({ type: 'SET_TIME', value: 30, newCount: 3 });
    expect(value(issuer.management({ meter: kit, action: 'disable-payg', count: 3 }))).toMatchObject({ type: 'DISABLE_PAYG', value: 998, newCount: 5 });
    expect(value(issuer.management({ meter: kit, action: 'counter-sync', count: 5 }))).toMatchObject({ type: 'COUNTER_SYNC', value: 999, newCount: 7 });
  });

  it('a kit without a secret, or a bad value, is an error value', () => {
    const none = issuer.credit({ meter: { ...kit, meterId: 'kit-2' }, days: 1, count: 0 });
    expect(none.ok ? 'ok' : none.error.code).toBe('KEY_UNAVAILABLE');
    const big = issuer.credit({ meter: kit, days: 996, count: 0 });
    expect(big.ok ? 'ok' : `${big.error.code}:${big.error.field}`).toBe('INVALID_INPUT:days');
  });
});

/** A virtual meter coded with the decoder key the engine derives for `meter` (DKGA02 or DKGA04, test keys). */
function meterHolding(meter: StsMeter) {
  // The same derivation the issuer performs, done here from the primitives so the test does not trust the issuer.
  const dk = meter.key.dkga === 'DKGA02' ? deriveFor02(meter) : deriveFor04(meter);
  const made = createVirtualMeter({ decoderKey: dk, algorithm: meter.key.algorithm, krn: meter.key.krn, ti: meter.key.ti });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}


function panOf(meter: StsMeter) {
  const pan = parseMeterPan(meter.pan);
  if (!pan.ok) throw new Error(pan.error.message);
  return pan.value;
}

function deriveFor02(meter: StsMeter): Uint8Array {
  const { keyType, sgc, ti, krn } = meter.key;
  return deriveDecoderKeyDkga02(bytes(VK_DES), { pan: panOf(meter), keyType, sgc, ti, krn });
}

function deriveFor04(meter: StsMeter): Uint8Array {
  const { keyType, sgc, ti, krn, baseYear } = meter.key;
  return deriveDecoderKeyDkga04(bytes(VK_160), { pan: panOf(meter), keyType, sgc, ti, krn, baseYear, algorithm: 'EA11' });
}
