#!/usr/bin/env node
/**
 * `npm start` runs this first (prestart): without Electron's binary the build would run for a minute and then end
 * in a stack trace. Says in one paragraph what is missing and how to get it, and exits 1; silent when all is there.
 * ELECTRON_OVERRIDE_DIST_PATH (Electron's own variable for a binary kept elsewhere) counts as installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(process.env.BERTH_ELECTRON_DIR ?? path.join(root, 'node_modules', 'electron'));

/** Null when Electron can start, else what is missing. */
function missingPart() {
  if (!existsSync(path.join(electronDir, 'package.json'))) return 'the electron package is not installed';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return "Electron's binary isn't installed (node_modules/electron/path.txt is missing)";
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return `Electron's binary isn't installed (${path.relative(root, binary)} is missing)`;
  return null;
}

const missing = missingPart();
if (missing) {
  const install = existsSync(path.join(electronDir, 'install.js'))
    ? 'node node_modules/electron/install.js'
    : 'npm install';
  process.stderr.write(
    `Berth can't start: ${missing}, usually because npm install ran offline or with --ignore-scripts. ` +
      `Run \`${install}\` to download it (set ELECTRON_MIRROR to use a mirror, e.g. ` +
      '`ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/`), then `npm start` again. ' +
      'Meanwhile the berth CLI works without Electron: `npm run build && ./bin/berth.js --help`.\n',
  );
  process.exit(1);
}
