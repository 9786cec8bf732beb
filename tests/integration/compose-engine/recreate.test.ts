/**
 * Convergence on the real engine: a changed config hash or image recreates the container (keeping its anonymous
 * volumes); dependents declared with `restart: true` are restarted, services sharing its namespace recreated,
 * the rest left alone; and docker compose agrees with the result (same hashes, nothing for it to do).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { compose, containerIds, testProject, type TestProject } from './support';

const engine = await requireEngine();
const IMAGE = `berth-it-recreate-${process.pid}:1`;

const stack = (dbValue: string, webValue: string) => `
name: \${NAME}
services:
  db:
    image: ${IMAGE}
    init: true
    command: sleep 3600
    environment: {VALUE: "${dbValue}"}
    volumes: [/anon]
  web:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 3600
    environment: {VALUE: "${webValue}"}
    depends_on: {db: {condition: service_started, restart: true}}
  side:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 3600
    network_mode: service:db
`;

describe.skipIf(!engine.available)('compose engine: recreate on change', () => {
  const docker = engine.docker;
  let project: TestProject;
  const compose_ = new ComposeEngine(docker);
  const up = async (yaml: string) => {
    writeFileSync(join(project.dir, 'compose.yaml'), yaml.replaceAll('${NAME}', project.name));
    const events: ComposeProgressEvent[] = [];
    await compose_.up(await project.load(), { onProgress: (event) => events.push(event) });
    return events;
  };
  const inspect = (service: string): Promise<Docker.ContainerInspectInfo> =>
    docker.getContainer(`${project.name}-${service}-1`).inspect();
  const reasons = (events: ComposeProgressEvent[]) =>
    Object.fromEntries(events.flatMap((event) => (event.kind === 'creating' ? [[event.service, event.reason]] : [])));

  beforeAll(async () => {
    await docker.getImage(TEST_IMAGE).tag({ repo: IMAGE.split(':')[0]!, tag: '1' });
    project = testProject(docker, 'recreate', { 'compose.yaml': stack('a', 'a') });
    await up(stack('a', 'a'));
  });

  afterAll(async () => {
    await project.cleanup();
    await docker
      .getImage(IMAGE)
      .remove({ force: true })
      .catch(() => {});
  });

  it('recreates only the service whose config changed', async () => {
    const before = await containerIds(docker, project.name);
    const events = await up(stack('a', 'b'));
    expect(reasons(events)).toEqual({ web: 'config changed' });
    const after = await containerIds(docker, project.name);
    expect(after[`${project.name}-web-1`]).not.toBe(before[`${project.name}-web-1`]);
    expect(after[`${project.name}-db-1`]).toBe(before[`${project.name}-db-1`]);
    expect((await inspect('web')).Config.Env).toContain('VALUE=b');
  });

  it('recreating a dependency restarts restart:true dependents, recreates namespace sharers, keeps anonymous volumes', async () => {
    const before = await containerIds(docker, project.name);
    const anonBefore = (await inspect('db')).Mounts.find((mount) => mount.Destination === '/anon')!.Name;
    const webStartedBefore = (await inspect('web')).State.StartedAt;
    const events = await up(stack('b', 'b'));
    expect(reasons(events)).toEqual({ db: 'config changed', side: 'dependency recreated' });
    const after = await containerIds(docker, project.name);
    expect(after[`${project.name}-web-1`]).toBe(before[`${project.name}-web-1`]);
    expect((await inspect('web')).State.StartedAt).not.toBe(webStartedBefore);
    expect((await inspect('side')).HostConfig.NetworkMode).toBe(`container:${after[`${project.name}-db-1`]}`);
    expect((await inspect('db')).Mounts.find((mount) => mount.Destination === '/anon')!.Name).toBe(anonBefore);
  });

  it('recreates when the image behind the tag changed', async () => {
    const builder = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['touch', '/changed'] });
    await builder.start();
    await builder.wait();
    await builder.commit({ repo: IMAGE.split(':')[0]!, tag: '1' });
    await builder.remove();
    const events = await up(stack('b', 'b'));
    expect(reasons(events)).toEqual({ db: 'image changed', side: 'dependency recreated' });
  });

  it('leaves docker compose nothing to do, and down -v removes the inherited anonymous volume too', async () => {
    const before = await containerIds(docker, project.name);
    await compose(project.dir, 'up', '-d');
    // docker compose agrees with every hash Berth wrote, the resolved network_mode: service: included.
    expect(await containerIds(docker, project.name)).toEqual(before);
    const anonymous = (await inspect('db')).Mounts.find((mount) => mount.Destination === '/anon')!.Name!;
    await compose_.down(await project.load(), { removeVolumes: true });
    await expect(docker.getVolume(anonymous).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});
