/** up/down over the real engine: depends_on ordering, health waits, Compose's failure texts, busy and cancel. */
import { afterEach, describe, expect, it } from 'vitest';
import { ComposeProgressEventSchema } from '@shared/schemas/compose-progress';
import { requireEngine } from '../../support/require-engine';
import { containerIds, indexOf, leftovers, recordingEngine, testProject, type TestProject } from './support';

const engine = await requireEngine();

const stack = (initExit: number, healthTest = 'test -e /tmp/ready') => `
name: \${NAME}
x-base: &base
  image: berth-test-busybox:latest
  init: true
services:
  db:
    <<: *base
    command: ["sh", "-c", "sleep 1; touch /tmp/ready; sleep 3600"]
    healthcheck: {test: ["CMD-SHELL", "${healthTest}"], interval: 500ms, retries: 3}
    volumes: [data:/data]
  init:
    <<: *base
    command: ["sh", "-c", "sleep 1; exit ${initExit}"]
  app:
    <<: *base
    command: ["sleep", "3600"]
    depends_on:
      db: {condition: service_healthy}
      init: {condition: service_completed_successfully}
volumes:
  data: {}
`;

describe.skipIf(!engine.available)('compose engine: up and down', () => {
  const docker = engine.docker;
  let project: TestProject | null = null;
  afterEach(async () => {
    await project?.cleanup();
    project = null;
  });

  it('starts dependents after healthy and completed dependencies, and down leaves nothing behind', async () => {
    project = testProject(docker, 'order', { 'compose.yaml': stack(0) });
    const loaded = await project.load();
    const { engine: compose, events, onProgress } = recordingEngine(docker);
    await compose.up(loaded, { onProgress });
    const name = (service: string) => `${project!.name}-${service}-1`;
    expect(indexOf(events, 'starting', name('app'))).toBeGreaterThan(indexOf(events, 'healthy', name('db')));
    expect(indexOf(events, 'starting', name('app'))).toBeGreaterThan(indexOf(events, 'exited', name('init')));
    expect(indexOf(events, 'waiting-healthy', name('db'))).toBeGreaterThan(-1);
    const app = await docker.getContainer(name('app')).inspect();
    expect(app.State.Running).toBe(true);
    // Every event is what the UI's schema accepts.
    for (const event of events) ComposeProgressEventSchema.parse(event);

    // A second up changes nothing.
    const before = await containerIds(docker, project.name);
    const second = await compose.up(loaded);
    expect(second.steps.filter((step) => step.kind === 'create-container')).toEqual([]);
    expect(await containerIds(docker, project.name)).toEqual(before);

    await compose.down(loaded);
    expect(await leftovers(docker, project.name)).toEqual([`volume ${project.name}_data`]);
    await compose.down(loaded, { removeVolumes: true });
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it(`fails with Compose's text when a dependency exits non-zero, and never starts the dependent`, async () => {
    project = testProject(docker, 'exit', { 'compose.yaml': stack(3) });
    const { engine: compose, onProgress } = recordingEngine(docker);
    await expect(compose.up(await project.load(), { onProgress })).rejects.toThrow(
      `service "init" didn't complete successfully: exit 3`,
    );
    const app = await docker.getContainer(`${project.name}-app-1`).inspect();
    expect(app.State.Status).toBe('created');
  });

  it(`fails with Compose's text when a dependency is unhealthy`, async () => {
    project = testProject(docker, 'unhealthy', { 'compose.yaml': stack(0, 'false') });
    const { engine: compose } = recordingEngine(docker);
    await expect(compose.up(await project.load(), { services: ['app'] })).rejects.toThrow(
      `dependency failed to start: container ${project.name}-db-1 is unhealthy`,
    );
  });

  it('refuses a second operation on the same project, and cancels an up in flight', async () => {
    project = testProject(docker, 'busy', { 'compose.yaml': stack(0) });
    const loaded = await project.load();
    const { engine: compose } = recordingEngine(docker);
    const controller = new AbortController();
    const first = compose.up(loaded, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.kind === 'waiting-healthy') controller.abort();
      },
    });
    await expect(compose.down(loaded)).rejects.toMatchObject({ code: 'E_PROJECT_BUSY' });
    await expect(first).rejects.toMatchObject({ code: 'E_CANCELLED' });
    // Cancelled while waiting on db: app was never started.
    expect((await docker.getContainer(`${project.name}-app-1`).inspect()).State.Running).toBe(false);
  });
});
