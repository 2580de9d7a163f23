import fs from 'node:fs';
import { test as base } from '@playwright/test';
import { startHost, type HostProcess } from '../support/host-process';

/** Each test gets its own browser-mode host with a fresh data folder, stopped and removed afterwards. */
export const test = base.extend<{ host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures declare their dependencies by destructuring
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop('SIGKILL');
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
