import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../support/host-process';

/** Plants float conversions in shared/money and expects the lint to refuse each (architecture.md invariant 4). */
const planted: string[] = [];
function plant(name: string, source: string): string {
  const file = path.join(APP_ROOT, 'shared', 'money', name);
  fs.writeFileSync(file, source);
  planted.push(file);
  return file;
}
afterEach(() => {
  for (const file of planted.splice(0)) fs.rmSync(file, { force: true });
});

async function ruleIds(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: APP_ROOT });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the money lint', () => {
  it('fails parseFloat, as a global and as Number.parseFloat', async () => {
    const file = plant('__planted_money_probe__.ts', "export const a = parseFloat('1.13');\nexport const b = Number.parseFloat('1.13');\n");
    const ids = await ruleIds(file);
    expect(ids).toContain('no-restricted-globals');
    expect(ids).toContain('no-restricted-properties');
  });

  it('fails toFixed', async () => {
    const file = plant('__planted_money_probe__.ts', 'export const a = (3 * 1.13).toFixed(2);\n');
    expect(await ruleIds(file)).toContain('no-restricted-properties');
  });

  it('fails Number(...)', async () => {
    const file = plant('__planted_money_probe__.ts', "export const a = Number('57') * 0.87;\nexport const b = Number(10n);\n");
    expect((await ruleIds(file)).filter((id) => id === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('passes the integer style the module uses (the probes fail for the right reason)', async () => {
    const file = plant('__planted_money_probe__.ts', "export const a = BigInt('113') * 3n;\nexport const b = Number.isSafeInteger(5);\n");
    expect(await ruleIds(file)).toEqual([]);
  });

  it('leaves other folders alone (the ban is for the money module)', async () => {
    const file = path.join(APP_ROOT, 'shared', '__planted_money_probe__.ts');
    fs.writeFileSync(file, "export const a = Number('5');\n");
    planted.push(file);
    expect(await ruleIds(file)).toEqual([]);
  });
});
