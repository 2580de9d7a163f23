import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects grouped by cost: unit (node), renderer views (jsdom), integration (real files, processes, PostgreSQL).
// Playwright's e2e specs live in test/e2e and are never picked up here.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
        },
      },
      {
        extends: true,
        test: { name: 'renderer', environment: 'jsdom', include: ['test/unit/renderer/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
