// Fails when the committed migrations do not match the schema: runs `drizzle-kit generate` into a scratch copy of
// the migrations folder and checks that it wrote nothing new. (Migrations are generated, committed and never
// edited; a schema change without its migration must not land.)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// --schema FILE checks another schema entry point against the committed migrations (used by this script's test).
const schemaArg = process.argv.indexOf('--schema');
const schemaFile = schemaArg > 0 ? path.resolve(process.argv[schemaArg + 1] ?? '') : path.join(root, 'electron', 'db', 'schema', 'index.ts');
const committed = path.join(root, 'electron', 'db', 'migrations');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tokentill-migrations-'));
const out = path.join(scratch, 'migrations');
cpSync(committed, out, { recursive: true });
const config = path.join(scratch, 'drizzle.config.mjs');
writeFileSync(
  config,
  `export default { dialect: 'sqlite', schema: ${JSON.stringify(schemaFile)}, out: ${JSON.stringify(path.relative(root, out))} };\n`,
);
const before = readdirSync(out).sort().join('\n');
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--config', config], {
  cwd: root,
  encoding: 'utf8',
});
const after = readdirSync(out).sort().join('\n');
rmSync(scratch, { recursive: true, force: true });
const output = `${result.stdout}\n${result.stderr}`;
if (before !== after) {
  process.stderr.write('db:check: the schema changed without a migration. Run `npm run db:generate -- --name <issue>_<what>` and commit the result.\n');
  process.exit(1);
}
// drizzle-kit can print an error and still exit 0: only its "no changes" line counts as a pass.
if (result.status !== 0 || !output.includes('No schema changes')) {
  process.stderr.write(`db:check: drizzle-kit generate did not confirm the schema:\n${output}\n`);
  process.exit(1);
}
process.stdout.write('db:check: migrations match the schema.\n');
