import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../support/host-process';

const script = path.join(APP_ROOT, 'build', 'scripts', 'test-summary.mjs');

function runSummary(reports: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-'));
  const files = Object.entries(reports).map(([name, body]) => {
    const file = path.join(dir, name);
    if (body !== undefined) fs.writeFileSync(file, JSON.stringify(body));
    return file;
  });
  try {
    return execFileSync(process.execPath, [script, ...files], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the CI closing line', () => {
  it('counts a vitest report with one failure as 0 passed, 1 failed', () => {
    const vitest = { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0, numRuntimeErrorTestSuites: 0 };
    expect(runSummary({ 'vitest.json': vitest }).trim()).toBe('0 passed, 1 failed');
  });

  it('adds up vitest and Playwright reports, with skipped tests', () => {
    const vitest = { numPassedTests: 120, numFailedTests: 0, numPendingTests: 2, numTodoTests: 0 };
    const playwright = { stats: { expected: 9, unexpected: 1, flaky: 0, skipped: 1 }, errors: [] };
    expect(runSummary({ 'vitest.json': vitest, 'e2e.json': playwright }).trim()).toBe('129 passed, 1 failed, 3 skipped');
  });

  it('names a report that is missing and counts it as a failure', () => {
    const out = runSummary({ 'vitest.json': { numPassedTests: 5, numFailedTests: 0 }, 'e2e.json': undefined });
    expect(out).toMatch(/e2e\.json: no report/);
    expect(out.trim().split('\n').at(-1)).toBe('5 passed, 1 failed');
  });
});
