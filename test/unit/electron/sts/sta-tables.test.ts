import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyStaTables, parseStaTables, PRODUCTION_STA_FINGERPRINTS, SAMPLE_STA_TABLES, tableFingerprint, validateStaTables,
} from '../../../../electron/sts/sta-tables';
import { productionTables } from './production-tables';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/sts/${name}`, import.meta.url), 'utf8');

describe('STA table sets', () => {
  it('holds the sample tables of sts-spec 5.1: s2 is the inverse of s1, p a permutation', () => {
    SAMPLE_STA_TABLES.s1.forEach((v, i) => expect(SAMPLE_STA_TABLES.s2[v]).toBe(i));
    expect([...SAMPLE_STA_TABLES.p].sort((a, b) => a - b)).toEqual([...Array(64).keys()]);
    // IECTR part 39's example: the decrypt permutation sends bit 7 to 52, i.e. encrypt sends 52 to 7.
    expect(SAMPLE_STA_TABLES.p[52]).toBe(7);
    expect(classifyStaTables(SAMPLE_STA_TABLES)).toBe('sample');
  });

  it('fingerprints the decimal entries joined by "," without spaces (SHA-256, lower-case hex)', () => {
    // sha256("0,1,2") and sha256("10,2"): pinned, so a change of separator, spacing or radix shows up.
    expect(tableFingerprint([0, 1, 2])).toBe('c0be322c1ad6af50f418b96232d98fe25a36d5d0a557291833f8248f2084b8ef');
    expect(tableFingerprint([10, 2])).not.toBe(tableFingerprint([1, 0, 2]));
  });

  it('is not fooled: the sample set does not match the production fingerprints', () => {
    expect(tableFingerprint(SAMPLE_STA_TABLES.s1)).not.toBe(PRODUCTION_STA_FINGERPRINTS.s1);
    expect(tableFingerprint(SAMPLE_STA_TABLES.p)).not.toBe(PRODUCTION_STA_FINGERPRINTS.p);
  });

  it('reads table files: sample, made-up (unknown), broken', () => {
    const sample = parseStaTables(fixture('sample-sta-tables.json'));
    expect(sample.ok && classifyStaTables(sample.value)).toBe('sample');
    const madeUp = parseStaTables(fixture('made-up-sta-tables.json'));
    expect(madeUp.ok && classifyStaTables(madeUp.value)).toBe('unknown');
    const broken = parseStaTables(fixture('broken-sta-tables.json'), 'tables');
    expect(broken).toMatchObject({ ok: false, error: { field: 'tables' } });
    if (!broken.ok) expect(broken.error.message).toContain('"s2" holds 6 twice');
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[]', 'JSON object'],
    ['{"s1":[1,2],"s2":[],"p":[]}', '"s1" has 2 entries'],
    ['{"s2":[],"p":[]}', '"s1" is missing'],
    [JSON.stringify({ ...SAMPLE_STA_TABLES, p: [...SAMPLE_STA_TABLES.p.slice(0, 63), 64] }), '"p" entry 63 is 64'],
    [JSON.stringify({ ...SAMPLE_STA_TABLES, s1: [...SAMPLE_STA_TABLES.s1.slice(0, 15), '11'] }), '"s1" entry 15 is "11"'],
  ])('refuses %s with a sentence naming the problem', (text, message) => {
    const result = parseStaTables(text, 'file');
    expect(result).toMatchObject({ ok: false, error: { field: 'file' } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('a copy of the sample set is classified by content, not identity', () => {
    const copy = validateStaTables(JSON.parse(JSON.stringify(SAMPLE_STA_TABLES)));
    expect(copy.ok && classifyStaTables(copy.value)).toBe('sample');
  });

  it.skipIf(productionTables === null)('production tables (TOKENTILL_STA_TABLES) verify against all three fingerprints', () => {
    const tables = productionTables!;
    expect(tableFingerprint(tables.s1)).toBe(PRODUCTION_STA_FINGERPRINTS.s1);
    expect(tableFingerprint(tables.s2)).toBe(PRODUCTION_STA_FINGERPRINTS.s2);
    expect(tableFingerprint(tables.p)).toBe(PRODUCTION_STA_FINGERPRINTS.p);
  });
});
