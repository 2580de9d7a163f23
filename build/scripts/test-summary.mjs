// Prints the closing line CI reads, "N passed, N failed" (", N skipped" when any were skipped), computed from the test runners' JSON reports
// (vitest's jest-compatible report and Playwright's). A report that is missing (its runner never ran because an
// earlier step failed) is named on its own line, so the count is never mistaken for the whole suite.
import { existsSync, readFileSync } from 'node:fs';

export function countReport(report) {
  if (report && typeof report.numPassedTests === 'number') {
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  }
  if (report && report.stats && typeof report.stats.expected === 'number') {
    return {
      passed: report.stats.expected + (report.stats.flaky ?? 0),
      failed: report.stats.unexpected + (report.errors?.length ?? 0),
      skipped: report.stats.skipped ?? 0,
    };
  }
  throw new Error('not a vitest or Playwright JSON report');
}

export function summarise(files, read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const notes = [];
  for (const file of files) {
    const report = read(file);
    if (report === null) {
      notes.push(`${file}: no report (that runner did not run)`);
      total.failed += 1;
      continue;
    }
    const counts = countReport(report);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  return { notes, line: `${total.passed} passed, ${total.failed} failed${skipped}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { notes, line } = summarise(process.argv.slice(2));
  for (const note of notes) process.stdout.write(`${note}\n`);
  process.stdout.write(`${line}\n`);
}
