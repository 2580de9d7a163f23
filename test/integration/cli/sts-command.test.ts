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
