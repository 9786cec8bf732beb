/**
 * develop.watch on the real engine: edits under a sync rule reach the running container within a second (through
 * the archive endpoint), ignored files stay out, deletions follow, a rebuild rule rebuilds and recreates that
 * service alone, sync+restart and sync+exec do what they say, and failures leave the service running.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { execInContainer } from '../../../src/main/services/watch/container-files';
import { startProjectWatch, type ProjectWatch } from '../../../src/main/services/watch/project-watch';
import type { WatchStatus } from '../../../src/main/services/watch/watch-status';
import { requireEngine } from '../../support/require-engine';
import { buildProject, stack, waitFor } from '../build/support';

const engine = await requireEngine();

const WEB_DOCKERFILE =
  'FROM berth-test-busybox\nCOPY requirements.txt /requirements.txt\nRUN mkdir -p /app/src /app/conf /app/hooks\n';

describe.skipIf(!engine.available)('develop.watch', () => {
  const docker = engine.docker;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  web:
    build: ./web
    init: true
    command: ["sleep", "3600"]
    develop:
      watch:
        - path: ./web/src
          action: sync
          target: /app/src
          ignore: ["*.tmp"]
        - path: ./web/requirements.txt
          action: rebuild
        - path: ./web/conf
          action: sync+restart
          target: /app/conf
        - path: ./web/hooks
          action: sync+exec
          target: /app/hooks
          exec:
            command: ["sh", "-c", "cat /app/hooks/* > /app/hook-ran"]
  worker:
    build: ./worker
    init: true
    command: ["sleep", "3600"]
  locked:
    image: berth-test-busybox
    read_only: true
    init: true
    command: ["sleep", "3600"]
    develop:
      watch:
        - path: ./locked
          action: sync
          target: /data
`),
      'web/Dockerfile': WEB_DOCKERFILE,
      'web/requirements.txt': 'numpy==1\n',
      'web/src/.keep': '',
      'web/conf/.keep': '',
      'web/hooks/.keep': '',
      'worker/Dockerfile': 'FROM berth-test-busybox\n',
      'locked/.keep': '',
    },
    ['web', 'worker'],
  );
  const statuses: WatchStatus[] = [];
  let watch: ProjectWatch;
  const path = (relative: string) => join(project.dir, relative);
  const containerId = async (service: string) =>
    (await docker.getContainer(`${project.name}-${service}-1`).inspect()).Id;
  const readInWeb = async (file: string) => {
    const { exitCode, output } = await execInContainer(docker, await containerId('web'), ['cat', file], {});
    return exitCode === 0 ? output : null;
  };
  const statusAfter = (count: number, kind: WatchStatus['kind'], service: string) =>
    waitFor(
      `a ${kind} status of ${service}`,
      async () =>
        statuses
          .slice(count)
          .find((status) => status.kind === kind && 'service' in status && status.service === service),
      60_000,
    );

  beforeAll(async () => {
    const loaded = await project.load();
    const composeEngine = new ComposeEngine(docker);
    await composeEngine.up(loaded);
    watch = await startProjectWatch({ docker, engine: composeEngine }, loaded, {
      onStatus: (status) => statuses.push(status),
    });
  });

  afterAll(async () => {
    await watch?.stop();
    await project.remove();
  });

  it('watches the services with rules', () => {
    expect([...watch.services].sort()).toEqual(['locked', 'web']);
    expect(statuses[0]).toMatchObject({ kind: 'watching', services: watch.services });
  });

  it('puts an edited file into the running container within a second', async () => {
    const started = performance.now();
    writeFileSync(path('web/src/main.py'), 'print("v1")\n');
    await waitFor(
      'main.py in the container',
      async () => (await readInWeb('/app/src/main.py')) === 'print("v1")\n',
      5_000,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(statuses).toContainEqual(
      expect.objectContaining({
        kind: 'synced',
        service: 'web',
        files: ['/app/src/main.py'],
        containers: [`${project.name}-web-1`],
      }),
    );
  });

  it('leaves ignored files out and follows deletions', async () => {
    writeFileSync(path('web/src/notes.tmp'), 'scratch\n');
    writeFileSync(path('web/src/.main.py.swp'), 'swap\n');
    writeFileSync(path('web/src/after.py'), 'after\n');
    await waitFor('after.py in the container', async () => (await readInWeb('/app/src/after.py')) === 'after\n');
    expect(await readInWeb('/app/src/notes.tmp')).toBeNull();
    expect(await readInWeb('/app/src/.main.py.swp')).toBeNull();
    rmSync(path('web/src/main.py'));
    await waitFor('main.py gone from the container', async () => (await readInWeb('/app/src/main.py')) === null);
  });

  it('rebuilds and recreates only the service whose rebuild rule fired', async () => {
    const before = {
      web: await containerId('web'),
      worker: await containerId('worker'),
      locked: await containerId('locked'),
    };
    const count = statuses.length;
    writeFileSync(path('web/requirements.txt'), 'numpy==2\n');
    await statusAfter(count, 'rebuilt', 'web');
    expect(await containerId('web')).not.toBe(before.web);
    expect(await containerId('worker')).toBe(before.worker);
    expect(await containerId('locked')).toBe(before.locked);
    expect(await readInWeb('/requirements.txt')).toBe('numpy==2\n');
  });

  it('keeps the service running its last good version when the rebuild fails, and says why', async () => {
    const before = await containerId('web');
    writeFileSync(path('web/Dockerfile'), 'FROM berth-test-busybox\nRUN echo "broken build" && exit 4\n');
    const count = statuses.length;
    writeFileSync(path('web/requirements.txt'), 'numpy==3\n');
    const error = await statusAfter(count, 'error', 'web');
    expect(error).toMatchObject({ message: expect.stringMatching(/failed to build .* exit code: 4/) });
    const running = await docker.getContainer(before).inspect();
    expect(running.State.Running).toBe(true);
    expect(await readInWeb('/requirements.txt')).toBe('numpy==2\n');
    writeFileSync(path('web/Dockerfile'), WEB_DOCKERFILE);
  });

  it('sync+restart syncs, then restarts the container', async () => {
    const startedAt = (await docker.getContainer(await containerId('web')).inspect()).State.StartedAt;
    const count = statuses.length;
    writeFileSync(path('web/conf/app.conf'), 'threads=4\n');
    await statusAfter(count, 'restarted', 'web');
    expect(await readInWeb('/app/conf/app.conf')).toBe('threads=4\n');
    expect((await docker.getContainer(await containerId('web')).inspect()).State.StartedAt).not.toBe(startedAt);
  });

  it('sync+exec runs the command in the container after the sync', async () => {
    const count = statuses.length;
    writeFileSync(path('web/hooks/reload'), 'reloaded\n');
    await statusAfter(count, 'executed', 'web');
    expect(await readInWeb('/app/hook-ran')).toBe('reloaded\n');
  });

  it('reports a target outside the writable layer and goes on watching', async () => {
    const count = statuses.length;
    writeFileSync(path('locked/model.bin'), 'weights\n');
    const error = await statusAfter(count, 'error', 'locked');
    expect(error).toMatchObject({
      message: expect.stringMatching(/cannot sync into \/data.*read-only/),
      fix: expect.stringMatching(/writable/),
    });
    writeFileSync(path('web/src/still.py'), 'watching\n');
    await waitFor('still.py in the container', async () => (await readInWeb('/app/src/still.py')) === 'watching\n');
  });

  it('stops promptly and says so', async () => {
    const started = performance.now();
    await watch.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(statuses.at(-1)).toMatchObject({ kind: 'stopped' });
  });
});
