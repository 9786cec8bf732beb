// Preloaded into a spawned `berth` (NODE_OPTIONS=--require …): at exit, writes the paths of every CommonJS module
// the process loaded to BERTH_LOADED_MODULES_FILE, one per line.
'use strict';
const { writeFileSync } = require('node:fs');

process.once('exit', () => {
  writeFileSync(process.env.BERTH_LOADED_MODULES_FILE, Object.keys(require.cache).join('\n'));
});
