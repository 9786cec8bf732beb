/** The Watch toggle's stream: starts watching on start, streams statuses, stops watching when disposed. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { execInContainer } from '../../../src/main/services/watch/container-files';
import { createWatchSource, type WatchMessage } from '../../../src/main/services/watch/watch-source';
import { requireEngine } from '../../support/require-engine';
import { buildProject, stack, waitFor } from '../build/support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('watch stream source', () => {
  const docker = engine.docker;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  app:
    image: berth-test-busybox
    init: true
    command: ["sleep", "3600"]
    develop:
      watch:
        - {path: ./src, action: sync, target: /srv}
`),
      'src/.keep': '',
    },
    [],
  );

  afterAll(() => project.remove());

  it('streams what was synced, holds statuses while paused, and stops watching when disposed', async () => {
    const composeEngine = new ComposeEngine(docker);
    await composeEngine.up(await project.load());
    const messages: WatchMessage[] = [];
    let ended: unknown = 'not ended';
    const source = createWatchSource({ docker, engine: composeEngine }, { load: () => project.load() });
    source.start({ emit: (message) => messages.push(message), end: (error) => (ended = error) });
    await waitFor('watching', async () => messages.some((m) => m.type === 'status' && m.status.kind === 'watching'));

    source.pause();
    writeFileSync(join(project.dir, 'src/a.txt'), 'a\n');
    const container = `${project.name}-app-1`;
    await waitFor(
      'a.txt in the container',
      async () => (await execInContainer(docker, container, ['cat', '/srv/a.txt'], {})).output === 'a\n',
    );
    expect(messages.some((m) => m.type === 'status' && m.status.kind === 'synced')).toBe(false);
    source.resume();
    expect(messages.at(-1)).toMatchObject({ type: 'status', status: { kind: 'synced', files: ['/srv/a.txt'] } });

    source.dispose();
    writeFileSync(join(project.dir, 'src/b.txt'), 'b\n');
    // Nothing can show that a sync did not happen but time: 5× the watcher's quiet time plus a sync (~100 ms).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await execInContainer(docker, container, ['cat', '/srv/b.txt'], {})).exitCode).not.toBe(0);
    expect(ended).toBe('not ended');
  });
});
