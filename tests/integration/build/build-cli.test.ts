/** `berth build` as a process on the real engine: Compose-like step lines, exit codes, secrets kept, Ctrl-C. */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { buildProject, processCommandLines, stack, waitFor } from './support';

const engine = await requireEngine();

const SLEEP_SECONDS = 5000 + (process.pid % 900);

describe.skipIf(!engine.available)('berth build (CLI)', () => {
  const docker = engine.docker;
  const token = `hf_${randomBytes(12).toString('hex')}`;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  app:
    build:
      context: ./app
      secrets: [hf]
  broken:
    build: ./broken
  slow:
    build: {context: ./slow, no_cache: true}
secrets:
  hf:
    environment: HF_TOKEN
`),
      'app/Dockerfile':
        'FROM berth-test-busybox\nRUN --mount=type=secret,id=hf echo "token is $(cat /run/secrets/hf)"\n',
      'broken/Dockerfile': 'FROM berth-test-busybox\nRUN echo "about to fail" && exit 9\n',
      'slow/Dockerfile': `FROM berth-test-busybox\nRUN sleep ${SLEEP_SECONDS}\n`,
    },
    ['app', 'broken', 'slow'],
  );
  const env = { ...process.env, HF_TOKEN: token };
  const berth = (args: string[], exitWithinMs = 60_000) => runBerth(args, { cwd: project.dir, env, exitWithinMs });

  afterAll(() => project.remove());

  it('prints the steps as docker compose build does, and never the secret', async () => {
    const run = await berth(['build', '--no-cache', 'app']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^#\d+ \[app internal\] load build definition from Dockerfile$/m);
    expect(run.stdout).toMatch(
      /^#(\d+) \[app 2\/2\] RUN --mount=type=secret,id=hf echo .*$[\s\S]*^#\1 \d+\.\d{3} token is \*\*\*\*$[\s\S]*^#\1 DONE \d+\.\ds$/m,
    );
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('says CACHED for a step built before', async () => {
    const run = await berth(['build', 'app']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^#(\d+) \[app 2\/2\] RUN .*$\n^#\1 CACHED$/m);
  });

  it('a failing build exits 17 (as docker compose) with the command, its output and the Dockerfile line', async () => {
    const run = await berth(['build', 'broken']);
    expect(run.code).toBe(17);
    expect(run.stdout).toMatch(/^#\d+ ERROR: .*exit code: 9$/m);
    expect(run.stderr).toContain(
      ' > [broken 2/2] RUN echo "about to fail" && exit 9:\n   about to fail\n------\nDockerfile:2',
    );
    expect(run.stderr).toMatch(/failed to build .*-broken for service "broken"/);
  });

  it('exits 2 on a flag it does not know', async () => {
    const run = await berth(['build', '--bogus'], 15_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown flag: --bogus');
  });

  it('Ctrl-C cancels the build on the engine and exits promptly', async () => {
    const sleeping = `sleep ${SLEEP_SECONDS}`;
    let interruptedAt = 0;
    const run = await runBerth(['build', 'slow'], {
      cwd: project.dir,
      env,
      exitWithinMs: 60_000,
      onSpawn: (child) => {
        void waitFor('the RUN step to start', async () => processCommandLines().includes(sleeping), 45_000).then(() => {
          interruptedAt = performance.now();
          child.kill('SIGINT');
        });
      },
    });
    expect(interruptedAt).toBeGreaterThan(0);
    expect(performance.now() - interruptedAt).toBeLessThan(5_000);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('cancelled');
    await waitFor('the RUN process to end', async () => !processCommandLines().includes(sleeping), 10_000);
  });
});
