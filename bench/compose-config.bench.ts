/**
 * Loading the largest corpus project (sentry-self-hosted, 57 services) with Berth's Compose loader vs
 * `docker compose -f docker-compose.yml config --format json`, in the environment runs.json records (scrubbed:
 * PATH, HOME, PWD). Berth loads in-process and serialises like `config`; Compose runs as the CLI, whose wall
 * time is what a user waits for. Rounds alternate which goes first. ratio = median Berth / median Compose (goal ≤ 0.5).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { parseComposeFlags } from '../src/main/cli/compose-flags';
import { loadProject } from '../src/main/services/compose/load';
import { toComposeConfigJson } from '../src/main/services/compose/model/serialize';
import { CORPUS_DIR, readCorpusRuns, SCRUBBED_PATH } from '../tests/support/compose-corpus';
import type { BenchResult } from './bench-kit';
import { alternatingMedians } from './compose-config-rounds';

const exec = promisify(execFile);
const ENTRY = 'sentry-self-hosted';
const ROUNDS = 9;

export async function run(): Promise<BenchResult> {
  if (!existsSync(join(CORPUS_DIR, 'runs.json'))) throw new Error(`no Compose corpus at ${resolve(CORPUS_DIR)}`);
  const recorded = readCorpusRuns().find((candidate) => candidate.entry === ENTRY && candidate.run === 'default');
  if (recorded === undefined) throw new Error(`runs.json has no default run for ${ENTRY}`);
  const entryDir = join(CORPUS_DIR, ENTRY);
  const env = { PATH: SCRUBBED_PATH, HOME: process.env.HOME ?? '/root', PWD: entryDir, ...recorded.env };
  const { flags } = parseComposeFlags(recorded.args);

  const berthOnce = async () => {
    const start = performance.now();
    const project = await loadProject({ ...flags, workingDir: entryDir, env });
    toComposeConfigJson(project.model);
    return performance.now() - start;
  };
  const composeOnce = async () => {
    const start = performance.now();
    await exec('docker', ['compose', ...recorded.args, 'config', '--format', 'json'], {
      cwd: entryDir,
      env,
      maxBuffer: 64 << 20,
    });
    return performance.now() - start;
  };

  const { berthMs, referenceMs, firstBerthMs: firstLoadMs } = await alternatingMedians(ROUNDS, berthOnce, composeOnce);
  return {
    name: 'compose config (sentry-self-hosted, 57 services)',
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail: `median of ${ROUNDS} rounds; Berth in-process load + JSON (first, cold load ${firstLoadMs.toFixed(1)} ms), docker compose config wall time`,
  };
}
