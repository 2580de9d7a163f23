import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../support/host-process';

/** Plants files that break the layer table of architecture.md section 3 and expects the lint to refuse them. */
const planted: string[] = [];
function plant(relative: string, source: string): string {
  const file = path.join(APP_ROOT, relative);
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

describe('the layer lint', () => {
  it('fails a renderer -> electron import', async () => {
    const file = plant('renderer/__planted_layer_probe__.ts', "import { startCore } from '../electron/services/core';\nexport const probe = startCore;\n");
    expect(await ruleIds(file)).toContain('local/layer-boundaries');
  });

  it('fails a token-engine import of another electron folder, and of shared/', async () => {
    const file = plant(
      'electron/sts/__planted_layer_probe__.ts',
      "import { writeTransaction } from '../db/open-database';\nimport { ok } from '../../shared/errors/result';\nexport const probe = [writeTransaction, ok];\n",
    );
    expect((await ruleIds(file)).filter((id) => id === 'local/layer-boundaries')).toHaveLength(2);
  });

  it('fails a shared -> node: import', async () => {
    const file = plant('shared/__planted_layer_probe__.ts', "import fs from 'node:fs';\nexport const probe = fs;\n");
    expect(await ruleIds(file)).toContain('no-restricted-imports');
  });

  it('fails an electron module import outside electron/main', async () => {
    const file = plant('electron/services/__planted_layer_probe__.ts', "import { app } from 'electron';\nexport const probe = app;\n");
    expect(await ruleIds(file)).toContain('no-restricted-imports');
  });

  it('fails an ipcMain.handle outside the registration module', async () => {
    const file = plant(
      'electron/main/__planted_layer_probe__.ts',
      "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\nexport const probe = 1;\n",
    );
    expect(await ruleIds(file)).toContain('no-restricted-syntax');
  });

  it('passes a clean renderer file (the probes are not failing for another reason)', async () => {
    const file = plant('renderer/__planted_layer_probe__.ts', "import { CHANNELS } from '../shared/ipc/contract';\nexport const probe = CHANNELS;\n");
    expect(await ruleIds(file)).toEqual([]);
  });
});
