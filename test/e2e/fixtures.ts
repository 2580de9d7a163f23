import fs from 'node:fs';
import { test as base } from '@playwright/test';
import { cliInitDataDir } from '../support/cli-init';
import { startHost, type HostProcess } from '../support/host-process';

/**
 * Each test gets its own browser-mode host with a fresh data folder, stopped and removed afterwards. `setUpHost` is
 * the same on a folder already set up by `npm run cli -- init --demo` (test/support/cli-init.ts), for tests that
 * start signed out on a working terminal instead of going through the setup screen.
 */
export const test = base.extend<{ host: HostProcess; setUpHost: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures declare their dependencies by destructuring
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop('SIGKILL');
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures declare their dependencies by destructuring
  setUpHost: async ({}, use) => {
    const host = await startHost({ dataDir: cliInitDataDir({ demo: true }) });
    await use(host);
    await host.stop('SIGKILL');
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
