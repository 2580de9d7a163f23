// Runs the benchmarks: every bench/*.bench.ts module, in file-name order, each exporting `run(): Promise<void>` that
// prints its own figures. `npm run bench -- sts` runs only the modules whose name contains "sts".
// Benchmarks print; they never fail on timing and are not part of `npm test`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchModule = { run?: () => Promise<void> };

async function main(): Promise<number> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2).filter((a) => a !== '--');
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const chosen = files.filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)));
  if (chosen.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}; available: ${files.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ') || 'none'}.`);
    return 2;
  }
  for (const file of chosen) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
    if (typeof mod.run !== 'function') {
      console.error(`${file} does not export run().`);
      return 1;
    }
    console.log(`# ${file.replace(/\.bench\.ts$/, '')}`);
    await mod.run();
  }
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
