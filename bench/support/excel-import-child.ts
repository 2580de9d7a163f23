// The import half of the Excel benchmark, in a process of its own (spawned by bench/excel.bench.ts) so its peak
// memory is the import's as the app would run it: a process that opens the database and receives the workbook, not
// one still holding the garbage of writing the test workbook. Prints one JSON line with the figures.
import fs from 'node:fs';
import { openLibrary } from './bench-library';

async function main(): Promise<void> {
  const [file, expectedText] = process.argv.slice(2);
  if (file === undefined || expectedText === undefined) throw new Error('usage: excel-import-child <workbook.xlsx> <rows>');
  const lib = await openLibrary();
  try {
    const baselineMb = process.memoryUsage().rss / 1024 / 1024;
    // the workbook arrives base64 inside the request, as it does over both transports
    const fileBase64 = fs.readFileSync(file).toString('base64');
    const start = performance.now();
    const result = await lib.excel.importLibrary('meters', { fileBase64, fileName: 'meters.xlsx', taskId: 'bench' }, 'bench');
    const seconds = (performance.now() - start) / 1000;
    // the operating system's peak resident set of this process (kB): exact, even across the synchronous commit
    const peakMb = process.resourceUsage().maxRSS / 1024;
    if (!result.saved || result.created !== Number(expectedText)) throw new Error(`the import did not save ${expectedText} meters: ${JSON.stringify(result.problems.slice(0, 3))}`);
    process.stdout.write(`${JSON.stringify({ seconds, peakMb, baselineMb })}\n`);
  } finally {
    lib.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
