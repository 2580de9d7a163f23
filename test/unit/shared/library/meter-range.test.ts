import { describe, expect, it } from 'vitest';
import { MAX_BATCH, planMeterRange } from '../../../../shared/library';

describe('batch ranges', () => {
  it('5800000001 to 5800000010 makes exactly the 10 valid meter numbers', () => {
    expect(planMeterRange('5800000001', '5800000010', { scheme: 'STS', manufacturerCode: '58' })).toEqual({
      ok: true,
      count: 10,
      numbers: ['58000000016', '58000000024', '58000000032', '58000000040', '58000000057', '58000000065', '58000000073', '58000000081', '58000000099', '58000000107'],
    });
  });

  it('takes a single meter, 12-digit payloads for 13-digit numbers, and at most 10,000', () => {
    expect(planMeterRange('5800000001', '5800000001', { scheme: 'STS', manufacturerCode: '58' })).toMatchObject({ ok: true, count: 1 });
    const wide = planMeterRange('000100000000', '000100009999', { scheme: 'STS', manufacturerCode: '0001' });
    expect(wide).toMatchObject({ ok: true, count: MAX_BATCH });
    if (wide.ok) expect(wide.numbers[0]).toHaveLength(13);
    expect(planMeterRange('5800000000', '5800010000', { scheme: 'STS', manufacturerCode: '58' })).toEqual({
      ok: false,
      problem: 'That range has 10001 meters; a batch holds at most 10000. Split it into smaller ranges.',
    });
  });

  it('refuses ranges that are reversed, of mixed length, with check digits, or another manufacturer', () => {
    const rule = { scheme: 'STS', manufacturerCode: '58' } as const;
    expect(planMeterRange('5800000010', '5800000001', rule)).toMatchObject({ ok: false, problem: 'The last number must not be below the first.' });
    expect(planMeterRange('58000000016', '58000000107', rule)).toMatchObject({ ok: false, problem: expect.stringContaining('without its check digit') });
    expect(planMeterRange('4700000001', '4700000002', rule)).toMatchObject({ ok: false, problem: expect.stringContaining('manufacturer code 58') });
    expect(planMeterRange('58000000x1', '5800000002', rule)).toMatchObject({ ok: false, problem: 'The first number must be digits only.' });
    expect(planMeterRange('5800000001', '580000000002', { scheme: 'STS', manufacturerCode: null })).toMatchObject({ ok: false, problem: expect.stringContaining('same number of digits') });
  });

  it('counts solar kit serials after the model prefix, keeping leading zeros', () => {
    expect(planMeterRange('SK0098', 'sk0101', { scheme: 'OpenPAYGO', serialPrefix: 'SK' })).toEqual({
      ok: true,
      count: 4,
      numbers: ['SK0098', 'SK0099', 'SK0100', 'SK0101'],
    });
    expect(planMeterRange('SK-A1', 'SK-A2', { scheme: 'OpenPAYGO', serialPrefix: 'SK' })).toMatchObject({ ok: false, problem: expect.stringContaining('end in digits') });
  });
});
