// Preloaded into a spawned `berth` (NODE_OPTIONS=--import …): at exit, writes the paths of every CommonJS module
// the process loaded to BERTH_LOADED_MODULES_FILE, one per line.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const moduleCache = createRequire(import.meta.url).cache;

process.once('exit', () => {
  writeFileSync(process.env.BERTH_LOADED_MODULES_FILE, Object.keys(moduleCache).join('\n'));
});
