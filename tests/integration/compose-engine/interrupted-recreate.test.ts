/**
 * A recreate cut short (Berth killed during `up --force-recreate`) leaves the old container renamed
 * `<short id>_<name>`, alone or beside its half-made replacement. The states are made here with the Engine API
 * exactly as the kill leaves them; the next `up` converges: one container per number, under its own name,
 * running, and the leftover gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { upCommand } from '../../../src/main/cli/commands/up';
import { replacedContainerName } from '../../../src/main/services/compose/engine/naming';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import {
  berth as berthCli,
  compose,
  containerIds,
  leftovers,
  projectContainers,
  recordingEngine,
  testProject,
  type TestProject,
} from './support';

const engine = await requireEngine();

const STACK = `
name: \${NAME}
services:
  web:
    image: berth-test-busybox:latest
    init: true
    command: ["sh", "-c", "echo kept > /data/mark 2>/dev/null; sleep 3600"]
    volumes: [/data]
    ports: ["127.0.0.1::8080"]
`;

const MANY_NETWORKS = `
name: \${NAME}
services:
  web:
    image: berth-test-busybox:latest
    init: true
    command: ["sleep", "3600"]
    networks: [n1, n2, n3, n4, n5, n6]
networks: {n1: {}, n2: {}, n3: {}, n4: {}, n5: {}, n6: {}}
`;

/** Stops web-1 and renames it as Berth's recreate does before it creates the replacement; returns its ID. */
async function renamedAsInterrupted(docker: Docker, project: string): Promise<string> {
  const name = `${project}-web-1`;
  const old = docker.getContainer(name);
  const { Id } = await old.inspect();
  await old.stop({ t: 0 });
  await old.rename({ name: replacedContainerName(Id, name) });
  return Id;
}

/** Waits until the project's containers (names, states, networks) stay the same for 1.5 s. */
async function settled(docker: Docker, project: string): Promise<void> {
  const snapshot = async () =>
    JSON.stringify(
      (await projectContainers(docker, project)).map((c) => [c.Names, c.State, c.NetworkSettings.Networks]).sort(),
    );
  let last = await snapshot();
  let unchanged = 0;
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await snapshot();
    unchanged = now === last ? unchanged + 1 : 0;
    if (unchanged === 3) return;
    last = now;
  }
  throw new Error(`the containers of ${project} never settled`);
}

describe.skipIf(!engine.available)('compose engine: converging from an interrupted recreate', () => {
  const docker = engine.docker;
  let project: TestProject | null = null;
  afterEach(async () => {
    await project?.cleanup();
    project = null;
  });

  async function upAndRun(prefix: string, yaml = STACK) {
    project = testProject(docker, prefix, { 'compose.yaml': yaml });
    const loaded = await project.load();
    const recording = recordingEngine(docker);
    await recording.engine.up(loaded);
    return { loaded, ...recording, name: `${project.name}-web-1` };
  }

  it('killed after the rename: up recreates the renamed container under its own name, keeping its volume', async () => {
    const { loaded, engine: berth, events, onProgress, name } = await upAndRun('interrupted-renamed');
    const oldId = await renamedAsInterrupted(docker, project!.name);
    const volumeBefore = (await docker.getContainer(oldId).inspect()).Mounts.find((m) => m.Destination === '/data');

    await berth.up(loaded, { onProgress });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'creating', reason: 'interrupted recreate' }));
    const ids = await containerIds(docker, project!.name);
    expect(Object.keys(ids)).toEqual([name]);
    const web = await docker.getContainer(name).inspect();
    expect(web.State.Running).toBe(true);
    expect(web.Mounts.find((m) => m.Destination === '/data')?.Name).toBe(volumeBefore?.Name);

    // Converged: the next up has nothing to do, and Compose agrees.
    const next = await berth.up(loaded);
    expect(next.steps).toEqual([]);
    expect(await compose(project!.dir, 'up', '-d')).not.toMatch(/Recreate/);
    expect(await containerIds(docker, project!.name)).toEqual(ids);
  });

  /** The replacement as a create cut short leaves it: the same labels (so config hash), not started. */
  async function halfMadeReplacement(oldId: string, name: string): Promise<Docker.Container> {
    const old = await docker.getContainer(oldId).inspect();
    const replacement = await docker.createContainer({
      name,
      Image: old.Config.Image,
      Cmd: old.Config.Cmd,
      Labels: old.Config.Labels,
      HostConfig: old.HostConfig,
    });
    expect(Object.keys(await containerIds(docker, project!.name))).toHaveLength(2);
    return replacement;
  }

  it('killed after the replacement was created: up keeps the replacement and removes the renamed one', async () => {
    const { loaded, engine: berth, name } = await upAndRun('interrupted-created');
    const oldId = await renamedAsInterrupted(docker, project!.name);
    const replacement = await halfMadeReplacement(oldId, name);

    const plan = await berth.up(loaded);
    expect(plan.steps.map((step) => step.id)).toContain(`remove-container:${replacedContainerName(oldId, name)}`);
    expect(await containerIds(docker, project!.name)).toEqual({ [name]: replacement.id });
    expect((await replacement.inspect()).State.Running).toBe(true);
  });

  it('killed before the replacement joined all its networks: up recreates it on every network', async () => {
    const { loaded, engine: berth, events, onProgress, name } = await upAndRun('interrupted-joining', MANY_NETWORKS);
    const oldId = await renamedAsInterrupted(docker, project!.name);
    const replacement = await halfMadeReplacement(oldId, name);
    expect(Object.keys((await replacement.inspect()).NetworkSettings.Networks)).toEqual([`${project!.name}_n1`]);

    await berth.up(loaded, { onProgress });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'creating', reason: 'networks changed' }));
    const ids = await containerIds(docker, project!.name);
    expect(Object.keys(ids)).toEqual([name]);
    const web = await docker.getContainer(name).inspect();
    expect(web.State.Running).toBe(true);
    expect(Object.keys(web.NetworkSettings.Networks).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${project!.name}_n${n}`),
    );
  });

  it('up --force-recreate from the renamed state recreates it once, without renaming it again', async () => {
    const { loaded, engine: berth, name } = await upAndRun('interrupted-forced');
    await renamedAsInterrupted(docker, project!.name);
    await berth.up(loaded, { recreate: 'force' });
    expect(Object.keys(await containerIds(docker, project!.name))).toEqual([name]);
    await berth.down(loaded, { removeVolumes: true });
    expect(await leftovers(docker, project!.name)).toEqual([]);
  });

  it('the built CLI killed right after the rename: the next berth up converges', async () => {
    // Needs the built CLI (npx electron-vite build). Joining six networks one by one keeps the replacement's
    // create going long enough for the kill to land in it.
    const { name } = await upAndRun('interrupted-killed', MANY_NETWORKS);
    const dir = project!.dir;
    const renames = (await docker.getEvents({
      filters: { type: ['container'], event: ['rename'], label: [`${COMPOSE_LABELS.project}=${project!.name}`] },
    })) as NodeJS.ReadableStream & { destroy(): void };
    let killedAfterRename = false;
    try {
      const run = await runBerth(['up', '--force-recreate'], {
        cwd: dir,
        onSpawn: (child) =>
          renames.once('data', () => {
            killedAfterRename = child.kill('SIGKILL');
          }),
      });
      expect(run.signal, run.stdout + run.stderr + String(run.code)).toBe('SIGKILL');
    } finally {
      renames.destroy();
    }
    expect(killedAfterRename).toBe(true);
    // The engine still finishes the requests the killed process had sent (a create can land after the kill).
    await settled(docker, project!.name);
    // Whatever the kill left (renamed alone, or beside its replacement), one up converges.
    const converged = await berthCli(upCommand, dir);
    expect(converged.code, converged.stderr).toBe(0);
    const ids = await containerIds(docker, project!.name);
    expect(Object.keys(ids)).toEqual([name]);
    const web = await docker.getContainer(name).inspect();
    expect(web.State.Running).toBe(true);
    expect(Object.keys(web.NetworkSettings.Networks).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${project!.name}_n${n}`),
    );
  });
});
