#!/usr/bin/env node
/**
 * `npm test`: build, then unit + integration tests (vitest), then web e2e (Playwright), and one
 * closing line that counts them all: "Tests: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.cache');
const vitestReport = path.join(cache, 'vitest-report.json');
const playwrightReport = path.join(cache, 'playwright-report.json');
mkdirSync(cache, { recursive: true });
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

function run(label, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n── ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(
    `── ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return result.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const built = run('build', bin('electron-vite'), ['build']);
if (!built) process.exit(1);
const vitestOk = run('unit + integration (vitest)', bin('vitest'), [
  'run',
  '--reporter=verbose',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
// playwright.config.ts writes its JSON report to .cache/playwright-report.json.
const playwrightOk = run('web e2e (Playwright, Chromium)', bin('playwright'), ['test']);

const vitest = readJson(vitestReport);
const playwright = readJson(playwrightReport);

/** Playwright's list reporter doesn't say why a test was skipped; say it, one line each. */
function printSkipReasons(suites = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const skip = test.annotations?.find((annotation) => annotation.type === 'skip');
        if (test.status === 'skipped')
          process.stdout.write(`skipped: ${spec.title} — ${skip?.description ?? 'no reason given'}\n`);
      }
    }
    printSkipReasons(suite.suites);
  }
}
printSkipReasons(playwright?.suites);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats.skipped ?? 0);
const ok = vitestOk && playwrightOk && vitest !== null && playwright !== null && passed > 0;
// A suite that failed to load counts no failed test; still report the run as failed.
const failedShown = ok ? failed : Math.max(failed, 1);
process.stdout.write(`\nTests: ${passed} passed, ${failedShown} failed, ${skipped} skipped\n`);
process.exit(ok ? 0 : 1);
