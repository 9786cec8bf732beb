/** DOCKER_BUILDKIT=0: the classic builder, said in a warning, with Compose's labels; BuildKit-only builds refused. */
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../support/require-engine';
import { build, buildProject, stack, runIn } from './support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('classic builder', () => {
  const docker = engine.docker;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  app:
    build: {context: ./app, args: {WHO: classic}}
  inline:
    build:
      context: ./app
      dockerfile_inline: "FROM berth-test-busybox\\n"
`),
      'app/Dockerfile': 'FROM berth-test-busybox\nARG WHO\nRUN echo "built by $WHO" > /who\n',
    },
    ['app', 'inline'],
  );

  afterAll(() => project.remove());

  it('builds with the classic builder when DOCKER_BUILDKIT=0, and says so', async () => {
    const events = await build(docker, await project.loadWith({ DOCKER_BUILDKIT: '0' }), { services: ['app'] });
    expect(events).toContainEqual({
      kind: 'warning',
      message:
        'DOCKER_BUILDKIT=0 asks for the classic builder: building app with the classic builder (no RUN --mount, build secrets or ssh)',
    });
    expect(
      events.some(
        (event) => event.kind === 'building' && event.builder === 'classic' && event.line?.startsWith('Step'),
      ),
    ).toBe(true);
    expect(await runIn(docker, `${project.name}-app`, ['cat', '/who'])).toBe('built by classic\n');
    const labels = (await docker.getImage(`${project.name}-app`).inspect()).Config.Labels;
    expect(labels).toMatchObject({ 'com.docker.compose.project': project.name, 'com.docker.compose.service': 'app' });
  });

  it('refuses what only BuildKit can build, saying why', async () => {
    await expect(
      build(docker, await project.loadWith({ DOCKER_BUILDKIT: '0' }), { services: ['inline'] }),
    ).rejects.toThrow(/needs BuildKit .*runs with the classic builder/);
  });
});
