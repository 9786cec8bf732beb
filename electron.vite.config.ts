import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/** `@shared/…` is src/shared, the contract every side imports (tsconfig.base.json declares the same alias). */
const resolveShared = { alias: { '@shared': resolve('src/shared') } };

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      // Bundled rather than required from node_modules: resolving and loading yaml's ~50 files was ~8 ms of every
      // `berth ps`/`config` start (npm run bench cli-ps, compose-config-10).
      externalizeDeps: { exclude: ['yaml', 'ssh-config'] },
      rollupOptions: {
        // The headless CLI is built beside the app's main process and shares its services.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli/berth.ts') },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      // Sandboxed preloads must be a single CommonJS file with no requires but electron's.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    resolve: resolveShared,
    root: 'src/renderer',
    // Minified, and split by page (see app/pages.tsx): the first load carries React and the Projects page only.
    build: { minify: 'esbuild', rollupOptions: { input: resolve('src/renderer/index.html') } },
  },
});
