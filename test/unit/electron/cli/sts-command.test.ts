import { readFileSync } from 'node:fs';
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runStsCommand, STS_COMMANDS, type StsCommandIo } from '../../../../electron/cli/sts-command';
import { formatTokenNumber, insertClassBits } from '../../../../electron/sts';

const FIXTURES = new URL('../../../fixtures/sts/', import.meta.url);

function run(line: string, options: { rnd?: number } = {}): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: StsCommandIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: (path) => readFileSync(path.startsWith('fixture:') ? new URL(path.slice(8), FIXTURES) : path, 'utf8'),
    randomNibble: () => options.rnd ?? 5,
  };
  const argv = line.match(/"[^"]*"|\S+/g)?.map((w) => w.replace(/^"|"$/g, '')) ?? [];
  return { code: runStsCommand(argv, io), out, err };
}

const DK1 = '--dk E653341F9D5BF36F --ea 07';

describe('sts: good paths pinned to sts-spec vectors', () => {
  it.each([
    [`credit ${DK1} --subclass 0 --tid 5871715 --amount 0.1 --rnd 5`, '67540125520408448957'],
    [`credit ${DK1} --subclass 1 --tid 5915550 --amount 25.6 --rnd 5`, '32656787190707896065'],
    [`credit ${DK1} --subclass 0 --tid 5915575 --amount 18022.4 --rnd 5`, '50450605560598727935'],
    [`credit ${DK1} --subclass 0 --tid 5915575 --amount 18022.3 --rnd 5`, '50450605560598727935'],
    ['credit --dk e94023262e9993c2 --ea 07 --subclass 0 --tid 5871720 --amount 0.1 --rnd 5', '35478705889052336992'],
    [`management ${DK1} --subclass 0 --tid 5910301 --value 1000 --rnd 5`, '31607400466983708922'],
    [`management ${DK1} --subclass 5 --tid 5910360 --value 0 --rnd 5`, '24344972661234562295'],
    ['test-token --mfr-digits 2 --mfr 0 --control 68719476735', '56493153725450313471'],
    ['test-token --mfr-digits 4 --mfr 0 --control 268435455', '02305843005052951967'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --kt 2 --sgc 123456 --ti 01 --krn 1', 'E653341F9D5BF36F'],
    ['decoder-key --dkga 02 --vk abababababababab --drn 00000000000 --kt 2 --sgc 123456 --ti 1 --krn 1', 'E653341F9D5BF36F'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --drn 0100000000008 --kt 2 --sgc 123456 --ti 01 --krn 1', 'E94023262E9993C2'],
    ['tables --file fixture:sample-sta-tables.json', 'sample'],
    ['tables --file fixture:made-up-sta-tables.json', 'unknown'],
  ])('%s', (line, expected) => {
    expect(run(line)).toEqual({ code: 0, out: [expected], err: [] });
  });

  it('--time is ISO 8601, UTC without an offset, on --bd (default 2014)', () => {
    const byTid = run(`credit ${DK1} --subclass 0 --tid 5871715 --amount 0.1 --rnd 5`).out;
    expect(run(`credit ${DK1} --subclass 0 --time 2004-03-01T13:55 --bd 1993 --amount 0.1 --rnd 5`).out).toEqual(byTid);
    expect(run(`credit ${DK1} --subclass 0 --time 2004-03-01T13:55:42Z --bd 1993 --amount 0.1 --rnd 5`).out).toEqual(byTid);
    expect(run(`credit ${DK1} --subclass 0 --time 2004-03-01T15:55+02:00 --bd 1993 --amount 0.1 --rnd 5`).out).toEqual(byTid);
    expect(run(`credit ${DK1} --subclass 0 --time 2004-03-01T08:55-0500 --bd 1993 --amount 0.1 --rnd 5`).out).toEqual(byTid);
    expect(run(`credit ${DK1} --subclass 0 --time 2014-01-01T08:00 --amount 0.1 --rnd 5`).out)
      .toEqual(run(`credit ${DK1} --subclass 0 --tid 480 --amount 0.1 --rnd 5`).out);
  });

  it('--rnd defaults to the random nibble the caller supplies', () => {
    expect(run(`credit ${DK1} --subclass 0 --tid 5871715 --amount 0.1`, { rnd: 5 }).out).toEqual(['67540125520408448957']);
    expect(run(`credit ${DK1} --subclass 0 --tid 5871715 --amount 0.1`, { rnd: 6 }).out).not.toEqual(['67540125520408448957']);
  });

  it('--tables with the sample file gives the built-in result; --name=value works too', () => {
    expect(run(`credit ${DK1} --subclass 0 --tid 5871715 --amount=0.1 --rnd 5 --tables fixture:sample-sta-tables.json`).out)
      .toEqual(['67540125520408448957']);
    expect(run(`credit ${DK1} --subclass 0 --tid 5871715 --amount 0.1 --rnd 5 --tables fixture:made-up-sta-tables.json`).out)
      .not.toEqual(['67540125520408448957']);
  });

  it('EA09 credit is DES of the block (checked with node:crypto)', () => {
    const key = Buffer.from('E653341F9D5BF36F', 'hex');
    const des = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null).setAutoPadding(false);
    const encrypted = BigInt(`0x${des.update(Buffer.from('05599863000119E6', 'hex')).toString('hex')}`);
    expect(run('credit --dk E653341F9D5BF36F --ea 09 --subclass 0 --tid 5871715 --amount 0.1 --rnd 5').out)
      .toEqual([formatTokenNumber(insertClassBits(encrypted, 0))]);
  });

  it('decode prints one JSON object: class, subclass, fields, crcOk', () => {
    const result = run(`decode ${DK1} --token "6754 0125 5204 0844 8957"`);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      '{"class":0,"subclass":0,"fields":{"kind":"credit","unit":"electricity","rnd":5,"tid":5871715,"amountField":"0001","amountTenths":1},"crcOk":true}',
    ]);
    expect(JSON.parse(run(`decode ${DK1} --token 31607400466983708922`).out[0]!)).toEqual({
      class: 2, subclass: 0, crcOk: true,
      fields: { kind: 'set-maximum-power-limit', rnd: 5, tid: 5910301, valueField: '03E8', watts: 1000 },
    });
    expect(JSON.parse(run(`decode ${DK1} --token 56493153725450313471`).out[0]!)).toMatchObject({
      class: 1, subclass: 0, crcOk: true, fields: { control: 2 ** 36 - 1, manufacturerCode: 0 },
    });
    expect(JSON.parse(run('decode --dk E94023262E9993C2 --ea 07 --token 67540125520408448957').out[0]!)).toMatchObject({ crcOk: false });
  });

  it('management covers all six subclasses and reads what it wrote', () => {
    for (const [subclass, value, key, read] of [
      [0, 1000, 'watts', 1000], [1, 65535, 'register', 65535], [2, 12, 'rate', 12], [5, 0, 'pad', 0],
      [6, 20000, 'watts', 20004], [7, 9, 'factor', 9],
    ] as const) {
      const token = run(`management ${DK1} --subclass ${subclass} --tid 5910301 --value ${value} --rnd 3`);
      expect(token.code).toBe(0);
      const decoded = JSON.parse(run(`decode ${DK1} --token ${token.out[0]}`).out[0]!);
      expect(decoded).toMatchObject({ class: 2, subclass, crcOk: true, fields: { [key]: read, tid: 5910301, rnd: 3 } });
    }
  });

  it('help lists every command on stdout', () => {
    const result = run('help');
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(Object.keys(STS_COMMANDS).length + 1);
  });
});

describe('sts: bad input -> exit 2, one stderr line naming the option', () => {
  it.each([
    ['', 'command'],
    ['--dk 00', 'command'],
    ['mint', 'mint'],
    [`credit ${DK1} extra`, 'extra'],
    [`credit ${DK1} --bogus 1`, '--bogus'],
    [`credit ${DK1} --subclass`, '--subclass'],
    [`credit ${DK1} --dk 00`, '--dk'],
    ['credit --ea 07 --subclass 0 --tid 1 --amount 1', '--dk'],
    ['credit --dk E653341F9D5BF36G --ea 07 --subclass 0 --tid 1 --amount 1', '--dk'],
    ['credit --dk E653341F9D5BF36F00 --ea 07 --subclass 0 --tid 1 --amount 1', '--dk'],
    ['credit --dk E653341F9D5BF36F --subclass 0 --tid 1 --amount 1', '--ea'],
    ['credit --dk E653341F9D5BF36F --ea 7 --subclass 0 --tid 1 --amount 1', '--ea'],
    ['credit --dk E653341F9D5BF36F --ea 11 --subclass 0 --tid 1 --amount 1', '--ea'],
    [`credit ${DK1} --subclass 4 --tid 1 --amount 1`, '--subclass'],
    [`credit ${DK1} --subclass 0 --amount 1`, '--tid'],
    [`credit ${DK1} --subclass 0 --tid 1 --time 2020-01-01 --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --tid 16777216 --amount 1`, '--tid'],
    [`credit ${DK1} --subclass 0 --tid -1 --amount 1`, '--tid'],
    [`credit ${DK1} --subclass 0 --tid 1 --bd 1993 --amount 1`, '--bd'],
    [`credit ${DK1} --subclass 0 --time yesterday --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --time 2023-02-29T10:00 --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --time 2023-01-01T24:00 --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --time 2020-01-01 --bd 2000 --amount 1`, '--bd'],
    [`credit ${DK1} --subclass 0 --time 2013-12-31T23:59 --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --time 2024-11-24T20:16 --bd 1993 --amount 1`, '--time'],
    [`credit ${DK1} --subclass 0 --tid 1`, '--amount'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1,5`, '--amount'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1e3`, '--amount'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1820162.5`, '--amount'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1 --rnd 16`, '--rnd'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1 --tables /no/such/file.json`, '--tables'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1 --tables fixture:broken-sta-tables.json`, '--tables'],
    ['credit --dk E653341F9D5BF36F --ea 09 --subclass 0 --tid 1 --amount 1 --tables fixture:sample-sta-tables.json', '--tables'],
    [`credit ${DK1} --subclass 0 --tid 1 --amount 1 --amount 2`, '--amount'],
    [`management ${DK1} --subclass 3 --tid 1 --value 1`, '--subclass'],
    [`management ${DK1} --subclass 1 --tid 1 --value 65536`, '--value'],
    [`management ${DK1} --subclass 0 --tid 1 --value 18201625`, '--value'],
    [`management ${DK1} --subclass 0 --tid 1`, '--value'],
    [`management ${DK1} --subclass 0 --tid 1 --value 1 --amount 1`, '--amount'],
    ['test-token --mfr-digits 3 --mfr 0 --control 1', '--mfr-digits'],
    ['test-token --mfr-digits 2 --mfr 100 --control 1', '--mfr'],
    ['test-token --mfr-digits 4 --mfr 0 --control 268435456', '--control'],
    ['test-token --mfr-digits 2 --mfr 0', '--control'],
    [`decode ${DK1} --token 6754012552040844895`, '--token'],
    [`decode ${DK1} --token 6754O125520408448957`, '--token'],
    [`decode ${DK1}`, '--token'],
    ['decoder-key --dkga 04 --vk ABABABABABABABAB --pan 600727000000000009 --kt 2 --sgc 123456 --ti 1 --krn 1', '--dkga'],
    ['decoder-key --dkga 02 --vk ABABABAB --pan 600727000000000009 --kt 2 --sgc 123456 --ti 1 --krn 1', '--vk'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000008 --kt 2 --sgc 123456 --ti 1 --krn 1', '--pan'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --drn 58000000017 --kt 2 --sgc 123456 --ti 1 --krn 1', '--drn'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --drn 58000000016 --kt 2 --sgc 123456 --ti 1 --krn 1', '--drn'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --kt 2 --sgc 123456 --ti 1 --krn 1', '--pan'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --kt 4 --sgc 123456 --ti 1 --krn 1', '--kt'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --kt 2 --sgc 12345 --ti 1 --krn 1', '--sgc'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --kt 2 --sgc 123456 --ti 100 --krn 1', '--ti'],
    ['decoder-key --dkga 02 --vk ABABABABABABABAB --pan 600727000000000009 --kt 2 --sgc 123456 --ti 1 --krn 0', '--krn'],
    ['tables', '--file'],
    ['tables --file fixture:broken-sta-tables.json', '--file'],
    ['tables --file /no/such/file.json', '--file'],
  ])('%s -> %s', (line, option) => {
    const result = run(line);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(new RegExp(`^sts: ${option.replace(/[-]/g, '\\-')}: \\S`));
  });

  it('messages say what to do', () => {
    expect(run(`credit ${DK1} --subclass 0 --tid 1 --amount abc`).err).toEqual([
      'sts: --amount: "abc" is not a decimal number; write it like 25.6 (digits and at most one point, no sign or units).',
    ]);
    expect(run(`credit ${DK1} --subclass 0 --time 2024-11-24T20:16 --bd 1993 --amount 1`).err[0])
      .toContain('the meter must be moved to a newer base date');
    expect(run('tables --file /no/such/file.json').err).toEqual(['sts: --file: cannot read /no/such/file.json (ENOENT); check the path and permissions.']);
  });
});
