import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to dist/renderer; the browser-mode host serves it and Electron loads it from the package.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
});
