import { defineConfig, devices } from '@playwright/test';

// End-to-end tests run the real renderer in Debian's Chromium against the browser-mode host (no Electron binary
// can be downloaded on the build machines). Each test's fixture starts its own host with a fresh data folder.
export default defineConfig({
  testDir: './test/e2e',
  outputDir: './test-results/e2e-artifacts',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
