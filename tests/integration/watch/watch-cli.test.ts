/** `berth watch` as a process: it brings the service up, syncs an edit, and Ctrl-C stops it promptly with 0. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execInContainer } from '../../../src/main/services/watch/container-files';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { buildProject, stack, waitFor } from '../build/support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth watch (CLI)', () => {
  const docker = engine.docker;
  const project = buildProject(docker, {
    'compose.yaml': stack(`
  app:
    build: ./app
    init: true
    command: ["sleep", "3600"]
    develop:
      watch:
        - {path: ./app/src, action: sync, target: /srv}
  plain:
    image: berth-test-busybox
`),
    'app/Dockerfile': 'FROM berth-test-busybox\nRUN mkdir /srv\n',
    'app/src/.keep': '',
  });

  afterAll(() => project.remove());

  it('syncs an edit into the container it started, and exits 0 on Ctrl-C', async () => {
    let interruptedAt = 0;
    let output = '';
    const run = await runBerth(['watch', 'app'], {
      cwd: project.dir,
      exitWithinMs: 90_000,
      onSpawn: (child) => {
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        void (async () => {
          await waitFor('berth watch to watch', async () => output.includes('Watching app'), 60_000);
          writeFileSync(join(project.dir, 'app/src/train.py'), 'epochs = 3\n');
          const container = `${project.name}-app-1`;
          await waitFor('train.py in the container', async () => {
            const { output: text } = await execInContainer(docker, container, ['cat', '/srv/train.py'], {});
            return text === 'epochs = 3\n';
          });
          await waitFor('the sync line', async () => output.includes('app: synced 1 file (/srv/train.py)'));
          interruptedAt = performance.now();
          child.kill('SIGINT');
        })();
      },
    });
    expect(interruptedAt).toBeGreaterThan(0);
    expect(performance.now() - interruptedAt).toBeLessThan(3_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Container ${project.name}-app-1  Started`);
    expect(run.stdout).toContain('Watch stopped');
  });

  it('fails at once, with the fix, for services without watch rules', async () => {
    const run = await runBerth(['watch', '--no-up', 'plain'], { cwd: project.dir, exitWithinMs: 15_000 });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/no service of project .* has develop.watch rules/);
    expect(run.stderr).toContain('develop: watch:');
  });

  it('exits 2 on a flag it does not know', async () => {
    const run = await runBerth(['watch', '--bogus'], { cwd: project.dir, exitWithinMs: 15_000 });
    expect(run.code).toBe(2);
  });
});
