import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../support/host-process';

const script = path.join(APP_ROOT, 'build', 'scripts', 'check-migrations.mjs');

describe('db:check', () => {
  it('passes when the committed migrations match the schema', () => {
    const result = spawnSync(process.execPath, [script], { cwd: APP_ROOT, encoding: 'utf8' });
    expect(result.stdout).toContain('migrations match the schema');
    expect(result.status).toBe(0);
  });

  it('fails when the schema changed without a migration', () => {
    // Inside the project (test-results/ is git-ignored) so the probe resolves drizzle-orm like the real schema.
    fs.mkdirSync(path.join(APP_ROOT, 'test-results'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(APP_ROOT, 'test-results', 'schema-probe-'));
    const schemaFile = path.join(dir, 'schema.ts');
    fs.writeFileSync(
      schemaFile,
      "export * from '../../electron/db/schema/index';\n" +
        "import { sqliteTable, text } from 'drizzle-orm/sqlite-core';\n" +
        "export const unplanned = sqliteTable('unplanned', { id: text('id').primaryKey() });\n",
    );
    try {
      const result = spawnSync(process.execPath, [script, '--schema', schemaFile], { cwd: APP_ROOT, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('the schema changed without a migration');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
