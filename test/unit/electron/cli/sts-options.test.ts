import { describe, expect, it } from 'vitest';
import { OptionReader, parseBaseYear, parseIsoTime, splitArgs } from '../../../../electron/cli/sts-options';

describe('splitArgs', () => {
  it('reads --name value and --name=value', () => {
    const parsed = splitArgs(['credit', '--dk', 'AB', '--amount=1.5', '--token=1 2']);
    expect(parsed.ok && parsed.value.command).toBe('credit');
    expect(parsed.ok && [...parsed.value.options]).toEqual([['--dk', 'AB'], ['--amount', '1.5'], ['--token', '1 2']]);
  });

  it('allows a value that starts with a single dash (a negative number is then refused by its parser)', () => {
    const parsed = splitArgs(['credit', '--tid', '-1']);
    expect(parsed.ok && parsed.value.options.get('--tid')).toBe('-1');
  });

  it.each([
    [[], 'command'], [['--dk', 'x'], 'command'], [['credit', 'dk'], 'dk'], [['credit', '--dk'], '--dk'],
    [['credit', '--dk', '--ea', '07'], '--dk'], [['credit', '--ea', '07', '--ea', '09'], '--ea'], [['credit', '--'], '--'],
  ])('refuses %j naming %s', (argv, field) => {
    expect(splitArgs(argv)).toMatchObject({ ok: false, error: { field } });
  });
});

describe('OptionReader', () => {
  it('requires exactly one of two options', () => {
    expect(new OptionReader(new Map([['--tid', '1']])).exactlyOne('--tid', '--time')).toEqual({ ok: true, value: 'first' });
    expect(new OptionReader(new Map([['--time', 'x']])).exactlyOne('--tid', '--time')).toEqual({ ok: true, value: 'second' });
    expect(new OptionReader(new Map()).exactlyOne('--tid', '--time')).toMatchObject({ ok: false, error: { field: '--tid' } });
    expect(new OptionReader(new Map([['--tid', '1'], ['--time', 'x']])).exactlyOne('--tid', '--time'))
      .toMatchObject({ ok: false, error: { field: '--time' } });
  });
});

describe('parseIsoTime', () => {
  it.each([
    ['2004-03-01T13:55', '2004-03-01T13:55:00.000Z'],
    ['2004-03-01 13:55', '2004-03-01T13:55:00.000Z'],
    ['2004-03-01', '2004-03-01T00:00:00.000Z'],
    ['2004-03-01T13:55:30.250Z', '2004-03-01T13:55:30.250Z'],
    ['2004-03-01T15:55+02:00', '2004-03-01T13:55:00.000Z'],
    ['2004-03-01T08:25-0530', '2004-03-01T13:55:00.000Z'],
    ['2004-03-01T14:55+01', '2004-03-01T13:55:00.000Z'],
    ['2024-02-29T00:00', '2024-02-29T00:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    const parsed = parseIsoTime(text, '--time');
    expect(parsed.ok && parsed.value.toISOString()).toBe(iso);
  });

  it.each(['2004-3-1', '2004-03-01T13', '2023-02-29', '2004-13-01', '2004-03-01T25:00', '2004-03-01T13:60', 'now', '2004-03-01T13:55+25:00'])(
    'refuses %s', (text) => {
      expect(parseIsoTime(text, '--time')).toMatchObject({ ok: false, error: { field: '--time' } });
    },
  );
});

describe('parseBaseYear', () => {
  it('accepts 1993, 2014, 2035 only', () => {
    expect(parseBaseYear('1993', '--bd')).toEqual({ ok: true, value: 1993 });
    expect(parseBaseYear('2035', '--bd')).toEqual({ ok: true, value: 2035 });
    expect(parseBaseYear('93', '--bd')).toMatchObject({ ok: false, error: { field: '--bd' } });
    expect(parseBaseYear('2000', '--bd').ok).toBe(false);
  });
});
