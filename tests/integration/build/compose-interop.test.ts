/**
 * Berth's BuildKit images are the ones `docker compose build` makes: same names and labels, and `docker compose up`
 * takes what Berth built instead of building again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../support/require-engine';
import { compose } from '../compose-engine/support';
import { build, buildProject, stack } from './support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('BuildKit images and docker compose', () => {
  const docker = engine.docker;
  const project = buildProject(docker, {
    'compose.yaml': stack(`
  app:
    build:
      context: ./app
      labels: {org.example.team: ml}
    command: ["sleep", "3600"]
    init: true
  named:
    image: \${NAME}-custom:v1
    build:
      context: ./app
      tags: ["\${NAME}-custom:extra"]
    command: ["sleep", "3600"]
    init: true
`),
    'app/Dockerfile': 'FROM berth-test-busybox\nRUN echo built > /built\n',
  });
  const custom = `${project.name}-custom`;

  afterAll(async () => {
    await compose(project.dir, 'down', '--timeout', '0').catch(() => '');
    await project.remove();
    for (const tag of [`${custom}:v1`, `${custom}:extra`])
      await docker
        .getImage(tag)
        .remove({ force: true })
        .catch(() => {});
  });

  const described = async (reference: string) => {
    const inspected = await docker.getImage(reference).inspect();
    return { id: inspected.Id, tags: [...(inspected.RepoTags ?? [])].sort(), labels: inspected.Config.Labels };
  };

  it('names and labels images as docker compose build does, and compose up does not build them again', async () => {
    await build(docker, await project.load());
    const berthApp = await described(`${project.name}-app`);
    const berthNamed = await described(`${custom}:v1`);
    expect(berthApp.tags).toEqual([`${project.name}-app:latest`]);
    expect(berthNamed.tags).toEqual([`${custom}:extra`, `${custom}:v1`]);
    expect(berthApp.labels).toMatchObject({
      'org.example.team': 'ml',
      'com.docker.compose.project': project.name,
      'com.docker.compose.service': 'app',
      'com.docker.compose.version': '2.26.1',
    });

    const up = await compose(project.dir, 'up', '-d');
    expect(up).not.toMatch(/Building|load build definition|\[app internal\]/);
    const running = await docker.getContainer(`${project.name}-app-1`).inspect();
    expect(running.Image).toBe(berthApp.id);

    await compose(project.dir, 'build');
    const composeApp = await described(`${project.name}-app`);
    const composeNamed = await described(`${custom}:v1`);
    expect(composeApp.tags).toEqual(berthApp.tags);
    expect(composeApp.labels).toEqual(berthApp.labels);
    expect(composeNamed.tags).toEqual(berthNamed.tags);
    expect(composeNamed.labels).toEqual(berthNamed.labels);
  });
});
