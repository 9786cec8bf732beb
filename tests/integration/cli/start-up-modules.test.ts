/**
 * What a short `berth` command loads. dockerode, ssh2 and zod are most of a command's start-up here (issue 19): the
 * read-only commands answer from the engine without them, and load them only when they need them.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';

const engine = await requireEngine();
const RECORDER = pathToFileURL(path.resolve(__dirname, '../../support/record-loaded-modules.mjs')).href;
const HEAVY = ['dockerode', 'docker-modem', 'ssh2', 'zod'];
const nodeRequire = createRequire(import.meta.url);
/** Each package's entry file: loaded means loaded (the CLI keeps a stand-in for one dockerode helper in the cache). */
const ENTRY = new Map(HEAVY.map((name) => [name, nodeRequire.resolve(name)]));

describe.skipIf(!engine.available)('what short berth commands load', () => {
  let dir: string;
  let recordFile: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-start-up-'));
    recordFile = path.join(dir, 'loaded.txt');
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `name: berth-it-start-up-${process.pid}\nservices:\n  api:\n    image: ${TEST_IMAGE}\n`,
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function packagesLoadedBy(args: string[]): Promise<string[]> {
    const run = await runBerth(args, {
      cwd: dir,
      env: {
        ...process.env,
        NODE_OPTIONS: `--import ${RECORDER}`,
        BERTH_LOADED_MODULES_FILE: recordFile,
      },
      exitWithinMs: 15_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const loaded = readFileSync(recordFile, 'utf8').split('\n');
    return HEAVY.filter((name) => loaded.includes(ENTRY.get(name)!));
  }

  it.each([['engine'], ['ps'], ['ps', '--json'], ['config']])(
    'berth %s loads none of dockerode, ssh2, zod',
    async (...args) => {
      expect(await packagesLoadedBy(args)).toEqual([]);
    },
  );

  it('berth images loads dockerode when it needs it, and answers', async () => {
    expect(await packagesLoadedBy(['images'])).toContain('dockerode');
  });
});
