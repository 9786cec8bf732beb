#!/usr/bin/env node
/**
 * `npm run security`: Electronegativity over the built app (out/). Fails when a finding is neither
 * fixed nor justified in scripts/security-justifications.json (check id + file pattern + reason).
 */
'use strict';
const path = require('node:path');

// Electronegativity fetches translations at start. Offline, its HTTP client throws this from a retry
// timer after the request already failed and the default (English) texts are in use: harmless here.
process.on('uncaughtException', (error) => {
  if (/`onCancel` handler was attached after the promise settled/.test(String(error && error.message))) return;
  console.error(error);
  process.exit(1);
});

const root = path.resolve(__dirname, '..');
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require(path.join(root, 'node_modules/electron/package.json')).version;
const justifications = require('./security-justifications.json');

async function main() {
  const result = await run({
    input: path.join(root, 'out'),
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    isRelative: true,
    isVerbose: false,
  });
  const unexplained = [];
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}`;
    const reason = justifications.find(
      (entry) => entry.check === issue.id && new RegExp(entry.file).test(issue.file),
    )?.reason;
    console.log(
      `${reason ? 'justified' : 'FINDING  '} ${issue.id} (${issue.severity.name}/${issue.confidence.name}) ${where}`,
    );
    if (reason) console.log(`          ${reason}`);
    else unexplained.push(issue);
  }
  console.log(
    `Electronegativity ${result.globalChecks + result.atomicChecks} checks on Electron ${electronVersion}: ` +
      `${result.issues.length} findings, ${unexplained.length} unexplained, ${result.errors.length} files not parsed.`,
  );
  process.exit(unexplained.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
