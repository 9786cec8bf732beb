/** build: through the Engine API: context tar honouring .dockerignore, dockerfile, args, target, labels; the log streams. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../../src/main/cli/commands/build';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { requireEngine } from '../../support/require-engine';
import { berth, testProject } from './support';

const engine = await requireEngine();

const DOCKERFILE = `
FROM berth-test-busybox:latest AS base
ARG GREETING=none
RUN echo "$GREETING" > /greeting
COPY . /ctx/
CMD ["sh", "-c", "cat /greeting; ls /ctx; sleep 3600"]

FROM base AS broken
RUN exit 7
`;

const STACK = `
name: \${NAME}
services:
  app:
    build:
      context: ./app
      dockerfile: build.Dockerfile
      target: base
      args: {GREETING: hello-from-args}
      labels: {org.example.built-by: berth}
    init: true
`;

describe.skipIf(!engine.available)('compose engine: build', () => {
  const docker = engine.docker;
  const project = testProject(docker, 'build', {
    'compose.yaml': STACK,
    'app/build.Dockerfile': DOCKERFILE,
    'app/kept.txt': 'kept\n',
    'app/secret.txt': 'do not send\n',
    'app/debug.log': 'noise\n',
    'app/.dockerignore': 'secret.txt\n*.log\n',
  });
  const image = `${project.name}-app`;

  let imagesBefore = new Set<string>();

  beforeAll(async () => {
    imagesBefore = new Set((await docker.listImages({ all: true })).map((entry) => entry.Id));
  });

  afterAll(async () => {
    await project.cleanup();
    await docker
      .getImage(image)
      .remove({ force: true })
      .catch(() => {});
    // Intermediate images of the builds above (children before parents, so a few rounds).
    for (let round = 0; round < 5; round++) {
      const dangling = (await docker.listImages({ all: true })).filter(
        (entry) => !imagesBefore.has(entry.Id) && !entry.RepoTags?.some((tag) => tag !== '<none>:<none>'),
      );
      if (dangling.length === 0) break;
      await Promise.all(
        dangling.map((entry) =>
          docker
            .getImage(entry.Id)
            .remove()
            .catch(() => {}),
        ),
      );
    }
  });

  it('up builds the missing image (tagged <project>-<service>) and runs it', async () => {
    const events: ComposeProgressEvent[] = [];
    await new ComposeEngine(docker).up(await project.load(), { onProgress: (event) => events.push(event) });
    expect(events.some((event) => event.kind === 'build-step' && event.step.name.includes('RUN echo'))).toBe(true);
    expect(events.some((event) => event.kind === 'built' && event.image === image)).toBe(true);
    const inspected = await docker.getImage(image).inspect();
    expect(inspected.Config.Labels).toMatchObject({ 'org.example.built-by': 'berth' });
    const container = docker.getContainer(`${project.name}-app-1`);
    let logs = '';
    for (let attempt = 0; attempt < 20 && !logs.includes('kept.txt'); attempt++) {
      logs = (await container.logs({ stdout: true, stderr: true })).toString('latin1');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(logs).toContain('hello-from-args');
    expect(logs).toContain('kept.txt');
    expect(logs).not.toContain('secret.txt');
    expect(logs).not.toContain('debug.log');
  });

  it('berth build rebuilds and streams the log; a failing build says why', async () => {
    const built = await berth(buildCommand, project.dir);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^#\d+ \[app base 1\/\d+\] FROM docker.io\/library\/berth-test-busybox/m);

    const broken = testProject(docker, 'build-broken', {
      'compose.yaml': STACK.replace('target: base', 'target: broken'),
      'app/build.Dockerfile': DOCKERFILE,
      'app/kept.txt': 'kept\n',
    });
    try {
      const failed = await berth(buildCommand, broken.dir);
      expect(failed.code).toBe(17);
      expect(failed.stderr).toMatch(
        /failed to build .* for service "app" at #\d+ \[broken 1\/1\] RUN exit 7 \(build.Dockerfile line 9\): .*exit code: 7/,
      );
    } finally {
      await broken.cleanup();
      await docker
        .getImage(`${broken.name}-app`)
        .remove({ force: true })
        .catch(() => {});
    }
  });
});
