import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to dist/renderer; the browser-mode host serves it and Electron loads it from the package.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // the libraries (React, zod) in a chunk of their own: the app's code changes with every release, they rarely do,
    // and neither chunk passes the 500 kB that vite warns about
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
});
