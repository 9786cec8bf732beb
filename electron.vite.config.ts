import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The headless CLI is built beside the app's main process and shares its services.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli/berth.ts') },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads must be a single CommonJS file with no requires but electron's.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
  },
});
