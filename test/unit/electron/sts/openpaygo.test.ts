import fc from 'fast-check';
import siphash from 'siphash';
import { describe, expect, it } from 'vitest';
import {
  decodeOpenPaygoToken, generateOpenPaygoToken, OPENPAYGO_MAX_CODE, openPaygoNewCount, openPaygoNextCode,
  openPaygoStartingCodeFromKey, prepareOpenPaygoKey, type OpenPaygoTokenType,
} from '../../../../electron/sts/openpaygo';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const KEY = bytes('bc41ec9530f6dac86b1a29ab82edc5fb');
const STARTING_CODE = 516959010;

describe('OpenPAYGO Token, sts-spec 8.11', () => {
  it('key bc41...c5fb, starting code 516959010, count 1, add time 1 -> newCount 2, 588224011', () => {
    const token = generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 1, type: 'ADD_TIME', value: 1 });
    expect(token).toEqual({ code: '588224011', newCount: 2, type: 'ADD_TIME', value: 1 });
  });

  it('the kit decodes 588224011 as add time 1 at count 2', () => {
    expect(decodeOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, lastCount: 1, code: '588 224 011' }))
      .toEqual({ ok: true, type: 'ADD_TIME', value: 1, count: 2 });
  });
});

describe('OpenPAYGO primitives', () => {
  it('packs the key for SipHash-2-4 as the reference does (SipHash paper vector: key 00..0f, message 00..0e)', () => {
    const key = prepareOpenPaygoKey(Uint8Array.from({ length: 16 }, (_, i) => i));
    const { h, l } = siphash.hash(key.words, Uint8Array.from({ length: 15 }, (_, i) => i));
    expect(h.toString(16).padStart(8, '0') + l.toString(16).padStart(8, '0')).toBe('a129ca6149be45e5');
  });

  it('a step always lands on a 9-digit value', () => {
    const key = prepareOpenPaygoKey(KEY);
    fc.assert(fc.property(fc.integer({ min: 0, max: OPENPAYGO_MAX_CODE }), (code) => {
      const next = openPaygoNextCode(key, code);
      expect(Number.isInteger(next) && next >= 0 && next <= OPENPAYGO_MAX_CODE).toBe(true);
    }), { numRuns: 500 });
  });

  it('a starting code derived from the key is a 9-digit value and depends on the key', () => {
    const a = openPaygoStartingCodeFromKey(KEY);
    const b = openPaygoStartingCodeFromKey(bytes('00'.repeat(16)));
    expect(a).toBeLessThanOrEqual(OPENPAYGO_MAX_CODE);
    expect(a).not.toBe(b);
  });
});

describe('OpenPAYGO count rules', () => {
  it.each<[number, OpenPaygoTokenType, number]>([
    [0, 'ADD_TIME', 2], [1, 'ADD_TIME', 2], [2, 'ADD_TIME', 4], [3, 'ADD_TIME', 4],
    [0, 'SET_TIME', 1], [1, 'SET_TIME', 3], [2, 'SET_TIME', 3],
    [0, 'DISABLE_PAYG', 1], [1, 'DISABLE_PAYG', 3], [4, 'COUNTER_SYNC', 5], [5, 'COUNTER_SYNC', 7],
  ])('count %i, %s -> %i', (count, type, expected) => {
    expect(openPaygoNewCount(count, type)).toBe(expected);
  });

  it('add time always gets an even count, the other types an odd one, always above the last count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom<OpenPaygoTokenType>(
      'ADD_TIME', 'SET_TIME', 'DISABLE_PAYG', 'COUNTER_SYNC'), (count, type) => {
      const next = openPaygoNewCount(count, type);
      expect(next > count && next <= count + 2).toBe(true);
      expect(next % 2).toBe(type === 'ADD_TIME' ? 0 : 1);
    }));
  });

  it('disable PAYG carries 998 and counter sync 999', () => {
    expect(generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 2, type: 'DISABLE_PAYG' }).value).toBe(998);
    expect(generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 2, type: 'COUNTER_SYNC' }).value).toBe(999);
  });

  it('rejects values a code cannot carry', () => {
    const base = { key: KEY, startingCode: STARTING_CODE, count: 0 } as const;
    expect(() => generateOpenPaygoToken({ ...base, type: 'ADD_TIME', value: 996 })).toThrow(/value/);
    expect(() => generateOpenPaygoToken({ ...base, type: 'ADD_TIME' })).toThrow(/value/);
    expect(() => generateOpenPaygoToken({ ...base, type: 'DISABLE_PAYG', value: 5 })).toThrow(/998/);
    expect(() => generateOpenPaygoToken({ ...base, type: 'SET_TIME', value: 1, startingCode: 1_000_000_000 })).toThrow(/startingCode/);
    expect(() => generateOpenPaygoToken({ ...base, type: 'SET_TIME', value: 1, count: -1 })).toThrow(/count/);
    expect(() => prepareOpenPaygoKey(new Uint8Array(8))).toThrow(/16 bytes/);
  });
});

describe('OpenPAYGO decoding', () => {
  const types: OpenPaygoTokenType[] = ['ADD_TIME', 'SET_TIME', 'DISABLE_PAYG', 'COUNTER_SYNC'];

  it('prefers a match ahead of the kit over a chance collision with an earlier count (fast-check counterexample)', () => {
    const key = Uint8Array.from([138, 195, 225, 7, 214, 51, 119, 52, 46, 0, 184, 29, 241, 49, 95, 40]);
    const made = generateOpenPaygoToken({ key, startingCode: 562819163, count: 171, type: 'DISABLE_PAYG' });
    expect(decodeOpenPaygoToken({ key, startingCode: 562819163, lastCount: 171, code: made.code })).toEqual({ ok: true, type: 'DISABLE_PAYG', value: 998, count: made.newCount });
  });

  it('decode(generate(x)) gives back type, value and count for any kit, count and value', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: OPENPAYGO_MAX_CODE }),
      fc.integer({ min: 0, max: 200 }), fc.constantFrom(...types), fc.integer({ min: 0, max: 995 }),
      (key, startingCode, count, type, value) => {
        const token = generateOpenPaygoToken({ key, startingCode, count, type, value: type === 'ADD_TIME' || type === 'SET_TIME' ? value : undefined });
        expect(token.code).toMatch(/^\d{9}$/);
        expect(decodeOpenPaygoToken({ key, startingCode, lastCount: count, code: token.code }))
          .toEqual({ ok: true, type, value: token.value, count: token.newCount });
      }), { numRuns: 150 });
  });

  it('a kit walking through a sequence of codes accepts each once, in order', () => {
    const key = prepareOpenPaygoKey(KEY);
    let issued = 0;
    let kitCount = 0;
    const plan: [OpenPaygoTokenType, number | undefined][] = [
      ['ADD_TIME', 7], ['ADD_TIME', 30], ['SET_TIME', 0], ['ADD_TIME', 995], ['DISABLE_PAYG', undefined], ['SET_TIME', 14],
    ];
    for (const [type, value] of plan) {
      const token = generateOpenPaygoToken({ key, startingCode: STARTING_CODE, count: issued, type, value });
      issued = token.newCount;
      const decoded = decodeOpenPaygoToken({ key, startingCode: STARTING_CODE, lastCount: kitCount, code: token.code });
      expect(decoded).toEqual({ ok: true, type, value: token.value, count: token.newCount });
      if (decoded.ok) kitCount = decoded.count;
      const again = decodeOpenPaygoToken({ key, startingCode: STARTING_CODE, lastCount: kitCount, code: token.code });
      expect(again.ok ? 'accepted' : again.reason).toBe('ALREADY_USED');
    }
  });

  it('a code for another kit or beyond the window is NOT_FOUND; a counter sync reaches further', () => {
    const token = generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 0, type: 'ADD_TIME', value: 3 });
    const other = decodeOpenPaygoToken({ key: bytes('00'.repeat(16)), startingCode: STARTING_CODE, lastCount: 0, code: token.code });
    expect(other.ok ? 'accepted' : other.reason).toBe('NOT_FOUND');
    const far = generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 70, type: 'ADD_TIME', value: 3 });
    const tooFar = decodeOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, lastCount: 0, code: far.code });
    expect(tooFar.ok ? 'accepted' : tooFar.reason).toBe('NOT_FOUND');
    const sync = generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 80, type: 'COUNTER_SYNC' });
    expect(decodeOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, lastCount: 0, code: sync.code }))
      .toEqual({ ok: true, type: 'COUNTER_SYNC', value: 999, count: 81 });
  });

  it('a wrong digit is not found and a malformed code is a FORMAT error', () => {
    const token = generateOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, count: 0, type: 'ADD_TIME', value: 3 });
    const typo = (token.code[0] === '9' ? '8' : '9') + token.code.slice(1);
    const decoded = decodeOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, lastCount: 0, code: typo });
    expect(decoded.ok ? 'accepted' : decoded.reason).toBe('NOT_FOUND');
    const bad = decodeOpenPaygoToken({ key: KEY, startingCode: STARTING_CODE, lastCount: 0, code: '12345' });
    expect(bad.ok ? 'accepted' : bad.reason).toBe('FORMAT');
  });
});
