#!/usr/bin/env -S node --
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`berth needs Node.js 22.12 or newer (this is ${process.version}).`);
  process.exit(1);
}
// Compiled bytecode is cached between runs (Node 22.1+), which roughly halves start-up.
require('node:module').enableCompileCache?.();
try {
  require('../out/main/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('out/main/cli.js')) {
    console.error('berth is not built yet: run `npm install && npm run build` in the Berth folder first.');
    process.exit(1);
  }
  throw error;
}
