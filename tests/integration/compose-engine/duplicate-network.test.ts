/**
 * Two networks with the project's network name (dockerd 20.10 allows it with CheckDuplicate=false; two racing
 * `up`s can make them): `berth up` picks one the same way every time and joins every container to it by ID, and
 * both `berth down` and `docker compose down` remove both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { downCommand } from '../../../src/main/cli/commands/down';
import { upCommand } from '../../../src/main/cli/commands/up';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { COMPOSE_COMPAT_VERSION } from '../../../src/main/services/compose/engine/naming';
import { requireEngine } from '../../support/require-engine';
import { berth, compose, containerIds, leftovers, testProject, type TestProject } from './support';

const engine = await requireEngine();

const STACK = `
name: \${NAME}
services:
  db:
    image: berth-test-busybox:latest
    init: true
    command: ["sleep", "3600"]
  web:
    image: berth-test-busybox:latest
    init: true
    command: ["sleep", "3600"]
    depends_on: [db]
`;

/** What a racing `up` leaves: another network with the project's labels and its default network's name. */
async function racedNetworks(docker: Docker, project: string): Promise<string[]> {
  const ids: string[] = [];
  for (let copy = 0; copy < 2; copy++) {
    const network = await docker.createNetwork({
      Name: `${project}_default`,
      CheckDuplicate: false,
      Labels: {
        [COMPOSE_LABELS.project]: project,
        [COMPOSE_LABELS.network]: 'default',
        'com.docker.compose.version': COMPOSE_COMPAT_VERSION,
      },
    });
    ids.push(network.id);
  }
  return ids.sort();
}

async function networkIdsOf(docker: Docker, project: string, name: string): Promise<string[]> {
  const ids = await containerIds(docker, project);
  return Promise.all(
    Object.values(ids).map(
      async (id) => (await docker.getContainer(id).inspect()).NetworkSettings.Networks[name]?.NetworkID ?? '',
    ),
  );
}

describe.skipIf(!engine.available)('compose engine: a duplicate project network', () => {
  const docker = engine.docker;
  let project: TestProject | null = null;
  afterEach(async () => {
    await project?.cleanup();
    project = null;
  });

  it('up joins every container to the lowest-ID network, by ID; docker compose down removes both', async () => {
    project = testProject(docker, 'dupnet-compose', { 'compose.yaml': STACK });
    const [first, second] = await racedNetworks(docker, project.name);
    const up = await berth(upCommand, project.dir);
    expect(up.stderr).not.toMatch(/ambiguous/);
    expect(up.code).toBe(0);
    const network = `${project.name}_default`;
    expect(await networkIdsOf(docker, project.name, network)).toEqual([first, first]);
    for (const id of Object.values(await containerIds(docker, project.name)))
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    // The containers reach each other by service name on the network they share.
    const exec = await docker
      .getContainer(`${project.name}-web-1`)
      .exec({ Cmd: ['ping', '-c', '1', '-W', '2', 'db'], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    await new Promise((resolve) => stream.on('end', resolve).resume());
    expect((await exec.inspect()).ExitCode).toBe(0);

    // The same choice on the next run: nothing to do.
    const again = await berth(upCommand, project.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/Creating/);
    expect(second).not.toBe(first);

    await compose(project.dir, 'down');
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it('berth down -v after berth up removes both networks and leaves nothing', async () => {
    project = testProject(docker, 'dupnet-berth', { 'compose.yaml': STACK });
    await racedNetworks(docker, project.name);
    expect((await berth(upCommand, project.dir)).code).toBe(0);
    const down = await berth(downCommand, project.dir, '-v');
    expect(down.code).toBe(0);
    expect(down.stderr).not.toMatch(/not removed/);
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it('after docker compose up and a duplicate: containers stay on the network they joined, down removes both', async () => {
    project = testProject(docker, 'dupnet-interop', { 'compose.yaml': STACK });
    await compose(project.dir, 'up', '-d');
    const network = `${project.name}_default`;
    const [joined] = await networkIdsOf(docker, project.name, network);
    // A duplicate with a lower ID, so the lowest ID alone would pick the wrong one.
    for (;;) {
      const duplicate = await docker.createNetwork({
        Name: network,
        CheckDuplicate: false,
        Labels: { [COMPOSE_LABELS.project]: project.name, [COMPOSE_LABELS.network]: 'default' },
      });
      if (duplicate.id < joined!) break;
      await duplicate.remove();
    }
    // Compose's containers are up to date; recreated ones join the network the others are on, whatever its ID.
    const ids = await containerIds(docker, project.name);
    expect((await berth(upCommand, project.dir)).code).toBe(0);
    expect(await containerIds(docker, project.name)).toEqual(ids);
    expect((await berth(upCommand, project.dir, '--force-recreate')).code).toBe(0);
    expect(await containerIds(docker, project.name)).not.toEqual(ids);
    expect(await networkIdsOf(docker, project.name, network)).toEqual([joined, joined]);
    expect((await berth(downCommand, project.dir)).code).toBe(0);
    expect(await leftovers(docker, project.name)).toEqual([]);
  });
});
