// The `sts` command as support staff run it: a real process, run from source by tsx.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/sts/', import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };

function spawnRun(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sts = (...args: string[]): Promise<Run> => spawnRun(TSX, ['electron/cli/sts.ts', ...args]);

describe('sts command (process)', () => {
  it('npm run --silent sts -- credit ... prints the 8.12 token and exits 0', async () => {
    const result = await spawnRun('npm', ['run', '--silent', 'sts', '--', 'credit', '--dk', 'E653341F9D5BF36F', '--ea', '07',
      '--subclass', '0', '--tid', '5871715', '--amount', '0.1', '--rnd', '5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('67540125520408448957\n');
  });

  it('good paths: one result per line on stdout, nothing on stderr, exit 0', async () => {
    const runs = await Promise.all([
      sts('decoder-key', '--dkga', '02', '--vk', 'abababababababab', '--pan', '600727000000000009', '--kt', '2', '--sgc', '123456', '--ti', '01', '--krn', '1'),
      sts('management', '--dk', 'E653341F9D5BF36F', '--ea', '07', '--subclass', '5', '--time', '2004-03-28T10:00', '--bd', '1993', '--value', '0', '--rnd', '5'),
      sts('test-token', '--mfr-digits', '4', '--mfr', '0', '--control', '268435455'),
      sts('decode', '--dk', 'E653341F9D5BF36F', '--ea', '07', '--token', '5045 0605 5605 9872 7935'),
      sts('tables', '--file', `${FIXTURES}sample-sta-tables.json`),
    ]);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [0, 'E653341F9D5BF36F\n', ''],
      [0, '24344972661234562295\n', ''],
      [0, '02305843005052951967\n', ''],
      [0, '{"class":0,"subclass":0,"fields":{"kind":"credit","unit":"electricity","rnd":5,"tid":5915575,"amountField":"8000","amountTenths":180224},"crcOk":true}\n', ''],
      [0, 'sample\n', ''],
    ]);
  });

  it('--rnd defaults to a random nibble: the token still decodes with a valid CRC', async () => {
    const made = await sts('credit', '--dk', 'E653341F9D5BF36F', '--ea', '09', '--subclass', '2', '--tid', '480', '--amount', '3.5');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^\d{20}\n$/);
    const decoded = await sts('decode', '--dk', 'E653341F9D5BF36F', '--ea', '09', '--token', made.stdout.trim());
    expect(JSON.parse(decoded.stdout)).toMatchObject({ class: 0, subclass: 2, crcOk: true, fields: { tid: 480, amountTenths: 35 } });
  });

  it('bad paths: exit 2, nothing on stdout, exactly one stderr line naming the option', async () => {
    const runs = await Promise.all([
      sts('credit', '--dk', 'E653341F9D5BF36F', '--ea', '07', '--subclass', '0', '--tid', '5871715', '--amount', 'ten'),
      sts('decoder-key', '--dkga', '02', '--vk', 'ABABABABABABABAB', '--drn', '58000000017', '--kt', '2', '--sgc', '123456', '--ti', '1', '--krn', '1'),
      sts('tables', '--file', `${FIXTURES}broken-sta-tables.json`),
      sts('frobnicate'),
    ]);
    for (const [run, option] of [[runs[0], '--amount'], [runs[1], '--drn'], [runs[2], '--file'], [runs[3], 'frobnicate']] as const) {
      expect(run!.code).toBe(2);
      expect(run!.stdout).toBe('');
      const lines = run!.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`sts: ${option}: `)).toBe(true);
    }
  });
});

describe('sts command: EA11, DKGA04, key-change, openpaygo, meter (process)', () => {
  const VK160 = 'ABABABABABABABAB949494949494949401234567';
  const DK11 = 'F94B6ED353C3BFDB113E2D3A7EA3C41D';
  const NEW_DK11 = 'B208834372EF892EF6E04C28593090D4';
  const dkga04 = (...extra: string[]): Promise<Run> => sts('decoder-key', '--dkga', '04', '--vk', VK160, '--pan', '600727000000000009',
    '--kt', '2', '--sgc', '123457', '--krn', '1', ...extra);

  it('good paths: the spec vectors and the new commands, one result per line, exit 0', async () => {
    const runs = await Promise.all([
      dkga04('--ti', '01', '--bd', '1993'),
      dkga04('--ti', '01', '--bd', '1993', '--ea', '11'),
      dkga04('--ti', '02', '--bd', '1993', '--ea', '11'),
      sts('credit', '--dk', DK11, '--ea', '11', '--subclass', '0', '--time', '2004-03-01T13:00', '--bd', '1993', '--amount', '0.1', '--rnd', '5'),
      sts('credit', '--dk', DK11.toLowerCase(), '--ea', '11', '--subclass', '1', '--time', '2004-03-01T13:05', '--bd', '1993', '--amount', '0.1', '--rnd', '5'),
      sts('key-change', '--old-dk', DK11, '--new-dk', NEW_DK11, '--ea', '11', '--kt', '2', '--krn', '1', '--ti', '2', '--sgc', '123457'),
      sts('openpaygo', '--key', 'bc41ec9530f6dac86b1a29ab82edc5fb', '--starting-code', '516959010', '--count', '1', '--type', 'add', '--value', '1'),
      sts('decode', '--dk', DK11, '--ea', '11', '--token', '59386323472137426967'),
    ]);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [0, 'AA4BAA8749C10D27\n', ''],
      [0, `${DK11}\n`, ''],
      [0, `${NEW_DK11}\n`, ''],
      [0, '59386323472137426967\n', ''],
      [0, '47186281207955155808\n', ''],
      // NECTAR 0_04 CTSA05 (step 1): the 4 tokens in entry order.
      [0, '34812744915211133004\n46903925208523674737\n71464563847088610152\n67904239402617643990\n', ''],
      [0, '588224011\n2\n', ''],
      [0, '{"class":0,"subclass":0,"fields":{"kind":"credit","unit":"electricity","rnd":5,"tid":5871660,"amountField":"0001","amountTenths":1},"crcOk":true}\n', ''],
    ]);
  });

  it('meter: a key change, a credit on the new key, a repeat and a credit on the old key, then the registers', async () => {
    const kct = await sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E9993C2', '--ea', '07', '--kt', '2', '--krn', '2', '--ti', '1', '--ro', '1');
    expect(kct.code).toBe(0);
    const set = kct.stdout.trim().split('\n');
    expect(set).toHaveLength(2);
    const onNewKey = '59281699923750607971';
    const onOldKey = '22829027706985318936';
    const meter = await sts('meter', '--dk', 'E653341F9D5BF36F', '--ea', '07', '--enter', ...set, onNewKey, onNewKey, onOldKey);
    expect(meter.code).toBe(0);
    expect(meter.stderr).toBe('');
    expect(meter.stdout.trim().split('\n')).toEqual([
      `${set[0]} accepted key change token 1 of 2`,
      `${set[1]} accepted key change applied: KRN 2 KT 2 TI 1 KEN 255 roll-over (TID memory cleared)`,
      `${onNewKey} accepted credit electricity 5.0 (balance 5.0, TID 5871800)`,
      `${onNewKey} rejected USED: A token with TID 5871800 was already entered.`,
      `${onOldKey} rejected CRC: The token does not check (CRC): a mistyped digit, or a token for another meter or key.`,
      'registers electricity 5.0 water 0.0 gas 0.0 time 0.0',
    ]);
  });

  it('bad paths: exit 2, nothing on stdout, exactly one stderr line naming the option', async () => {
    const cases: [Promise<Run>, string][] = [
      [sts('credit', '--dk', 'E653341F9D5BF36F', '--ea', '11', '--subclass', '0', '--tid', '1', '--amount', '1'), '--ea'],
      [sts('credit', '--dk', DK11, '--ea', '12', '--subclass', '0', '--tid', '1', '--amount', '1'), '--ea'],
      [dkga04('--ti', '01', '--bd', '1992'), '--bd'],
      [dkga04('--ti', '01', '--ea', '09'), '--ea'],
      [sts('decoder-key', '--dkga', '02', '--vk', 'ABABABABABABABAB', '--pan', '600727000000000009', '--kt', '2', '--sgc', '123456', '--ti', '1', '--krn', '1', '--bd', '2014'), '--bd'],
      [sts('key-change', '--old-dk', DK11, '--new-dk', NEW_DK11, '--ea', '11', '--kt', '2', '--krn', '1', '--ti', '2'), '--sgc'],
      [sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E9993C2', '--ea', '07', '--kt', '2', '--krn', '1', '--ti', '2', '--sgc', '123456'), '--sgc'],
      [sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E99', '--ea', '07', '--kt', '2', '--krn', '1', '--ti', '2'), '--new-dk'],
      [sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E9993C2', '--ea', '07', '--kt', '2', '--krn', '10', '--ti', '2'), '--krn'],
      [sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E9993C2', '--ea', '07', '--kt', '2', '--krn', '1', '--ti', '2', '--ro', '2'), '--ro'],
      [sts('key-change', '--old-dk', 'E653341F9D5BF36F', '--new-dk', 'E94023262E9993C2', '--ea', '07', '--kt', '2', '--krn', '1', '--ti', '2', '--ken', '256'), '--ken'],
      [sts('openpaygo', '--key', 'bc41ec95', '--starting-code', '516959010', '--count', '1', '--type', 'add', '--value', '1'), '--key'],
      [sts('openpaygo', '--key', 'bc41ec9530f6dac86b1a29ab82edc5fb', '--starting-code', '1000000000', '--count', '1', '--type', 'add', '--value', '1'), '--starting-code'],
      [sts('openpaygo', '--key', 'bc41ec9530f6dac86b1a29ab82edc5fb', '--starting-code', '516959010', '--count', '1', '--type', 'bonus', '--value', '1'), '--type'],
      [sts('openpaygo', '--key', 'bc41ec9530f6dac86b1a29ab82edc5fb', '--starting-code', '516959010', '--count', '1', '--type', 'add', '--value', '996'), '--value'],
      [sts('openpaygo', '--key', 'bc41ec9530f6dac86b1a29ab82edc5fb', '--starting-code', '516959010', '--count', '1', '--type', 'set'), '--value'],
      [sts('meter', '--dk', DK11, '--ea', '11', '--enter', '59386323472137426967', '5938632347213742696'), '--enter'],
      [sts('meter', '--dk', DK11, '--ea', '11', '--enter'), '--enter'],
      [sts('meter', '--dk', DK11, '--ea', '11', '--enter', '59386323472137426967', '--tables', `${FIXTURES}sample-sta-tables.json`), '--tables'],
    ];
    const runs = await Promise.all(cases.map(([run]) => run));
    runs.forEach((run, i) => {
      const option = cases[i]![1];
      expect(run.code, `case ${i}`).toBe(2);
      expect(run.stdout, `case ${i}`).toBe('');
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      expect(lines, `case ${i}`).toHaveLength(1);
      expect(lines[0]!.startsWith(`sts: ${option}: `), `case ${i}: ${lines[0]}`).toBe(true);
    });
  });
});
