// Lint carries the layer table of architecture.md section 3 and the house rules that can be checked mechanically.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import local from './build/eslint-plugin-local/index.mjs';

const onlyRelativeAnd = (allowed, message) => ({
  patterns: [{ group: ['*', '!.', '!./**', '!..', '!../**', ...allowed.map((name) => `!${name}`)], message }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'out/', 'release/', 'test-results/', 'playwright-report/',
      'electron/db/migrations/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { local },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/layer-boundaries': ['error', {
        zones: [
          { target: './shared', from: ['./electron', './renderer', './test', './bench', './build'], message: 'shared/ is pure: it imports zod and itself only.' },
          { target: './renderer', from: ['./electron'], message: 'renderer/ never imports electron/: talk to the main side through window.tokentill.' },
          { target: './electron', from: ['./renderer'], message: 'electron/ never imports renderer/.' },
          { target: './electron/sts', from: ['./electron'], except: ['./electron/sts'], message: 'The token engine imports node:crypto and its own files only.' },
          { target: './electron/sts', from: ['./shared'], message: 'The token engine imports node:crypto and its own files only.' },
          { target: './electron/host', from: ['./electron/main'], message: 'The browser-mode host never imports the Electron shell.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', onlyRelativeAnd(['zod', 'zod/**'], 'shared/ may import zod only (architecture.md section 3).')] },
  },
  {
    // The money rules are integers and exact fractions only (architecture.md invariant 4): no float conversions.
    files: ['shared/money/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'shared/money keeps money as integers: parse text digit by digit.' }],
      'no-restricted-properties': ['error',
        { object: 'Number', property: 'parseFloat', message: 'shared/money keeps money as integers: parse text digit by digit.' },
        { property: 'toFixed', message: 'toFixed rounds a float: format integers with the shared/format helpers.' }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='Number']", message: 'Number() makes a float: shared/money works in bigint and safe integers.' },
        { selector: "NewExpression[callee.name='Number']", message: 'Number() makes a float: shared/money works in bigint and safe integers.' },
        { selector: "CallExpression[callee.name='parseFloat']", message: 'shared/money keeps money as integers: parse text digit by digit.' }],
    },
  },
  {
    files: ['electron/sts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', onlyRelativeAnd(['node:crypto', 'siphash', 'siphash/**'], 'The token engine imports node:crypto (and the SipHash primitive) only.')] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/sts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main/ may import the electron module; everything else runs in plain Node.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc-transport.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|on|handleOnce|once)$/]",
        message: 'ipcMain handlers are registered only in electron/main/ipc-transport.ts.',
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer is sandboxed: no electron module.' }],
        patterns: [{ group: ['node:*'], message: 'The renderer has no Node APIs.' }],
      }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
