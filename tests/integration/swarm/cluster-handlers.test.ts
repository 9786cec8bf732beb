/**
 * The cluster page's handlers against a real one-node swarm (a private dockerd in a network namespace of its own,
 * never the engine other tests use): deploy a registered project through the `stackDeploy` stream, follow it on the
 * `clusterView` stream, scale and roll back a service, and remove the stack only with the right typed confirmation.
 * Every input goes through the contract's schemas (`dispatch`), every stream message is checked against them.
 */
import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streams, type OperationName } from '@shared/contract';
import type { ClusterViewMessage } from '@shared/schemas/cluster';
import { clusterHandlers } from '../../../src/main/handlers/cluster';
import { HEADLESS_DESKTOP } from '../../../src/main/handlers/desktop';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import type { BerthServices } from '../../../src/main/services/create-services';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { listStacks, listStackServices } from '../../../src/main/services/swarm/cluster-queries';
import { swarmApi } from '../../../src/main/services/swarm/swarm-client';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../../support/swarm/swarm-engine';
import { loadDir, projectDir } from '../../support/swarm/stack-fixtures';
import { collectUntilEnd, until } from '../../support/swarm/stream-collect';

const engine = await requireEngine();

const FILES = {
  'compose.yaml': `
services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "while true; do sleep 1; done"]
    stop_grace_period: 1s
    deploy:
      replicas: 1
      endpoint_mode: dnsrr
      update_config: {parallelism: 2, delay: 0s}
`,
};
const STACK = 'ui';

function handlersFor(services: BerthServices) {
  const group = clusterHandlers(services, HEADLESS_DESKTOP);
  const call = (name: OperationName, input: unknown) => dispatch(group.operations as OperationHandlers, name, input);
  return { group, call };
}

/** Watches the cluster through the handler's stream; every message must match the contract. */
function watchCluster(services: BerthServices) {
  const messages: ClusterViewMessage[] = [];
  const source = handlersFor(services).group.streams.clusterView(streams.clusterView.input.parse({}));
  source.start({ emit: (message) => messages.push(streams.clusterView.message.parse(message)), end: () => {} });
  const latest = <T extends ClusterViewMessage['type']>(type: T) =>
    messages.filter((message): message is Extract<ClusterViewMessage, { type: T }> => message.type === type).at(-1);
  return { latest, dispose: () => source.dispose() };
}

describe.skipIf(!engine.available)('the cluster view on an engine that is not a swarm manager', () => {
  it('says so, with what to do', async () => {
    const connection = new EngineConnection({ env: process.env, homeDir: homedir() });
    await connection.start();
    const view = watchCluster({ connection } as unknown as BerthServices);
    try {
      const unavailable = await until(() => view.latest('unavailable'), 15_000);
      expect(unavailable.reason).toMatch(/not a swarm manager/i);
      expect(unavailable.fix).toContain('docker swarm init');
    } finally {
      view.dispose();
      await connection.stop();
    }
  });
});

describe.skipIf(!engine.available || skipWithoutPrivateDockerd())('cluster handlers on a private swarm', () => {
  let swarm: SwarmEngine;
  let connection: EngineConnection;
  let services: BerthServices;
  const project = projectDir(FILES);

  beforeAll(async () => {
    swarm = await startSwarmEngine({ name: 'cluster-ui', images: [TEST_IMAGE], source: engine.docker });
    connection = new EngineConnection({ env: { DOCKER_HOST: swarm.dockerHost }, homeDir: '/nonexistent' });
    await connection.start();
    services = {
      connection,
      catalog: {
        load: async (ref: { directory?: string }) => {
          if (ref.directory !== project.dir) throw new Error(`unexpected project ${JSON.stringify(ref)}`);
          return loadDir(project.dir);
        },
      },
    } as unknown as BerthServices;
  });
  afterAll(async () => {
    await connection?.stop();
    await swarm?.dispose();
    project.dispose();
  });

  it('deploys a registered project through the stackDeploy stream, and the clusterView stream shows it', async () => {
    const input = streams.stackDeploy.input.parse({ project: { directory: project.dir }, stack: STACK, wait: true });
    const { messages, error } = await collectUntilEnd(handlersFor(services).group.streams.stackDeploy(input));
    expect(error).toBeUndefined();
    for (const message of messages) streams.stackDeploy.message.parse(message);
    expect(messages.at(-1)).toEqual({ type: 'done', stack: STACK, changed: 2 });
    expect(messages).toContainEqual({
      type: 'progress',
      event: expect.objectContaining({ type: 'step', object: 'service', name: 'ui_web', state: 'done' }),
    });

    const view = watchCluster(services);
    try {
      const web = await until(() =>
        view.latest('services')?.services.find((service) => service.name === 'ui_web' && service.running === 1),
      );
      expect(web).toMatchObject({
        stack: STACK,
        mode: 'replicated',
        desired: 1,
        image: expect.stringContaining('busybox'),
      });
      expect(view.latest('services')!.stacks).toEqual([{ name: STACK, services: 1 }]);
      expect(view.latest('nodes')!.nodes).toEqual([expect.objectContaining({ self: true, role: 'manager' })]);
      const task = await until(() =>
        view
          .latest('tasks')
          ?.tasks.find((candidate) => candidate.serviceName === 'ui_web' && candidate.state === 'running'),
      );
      expect(task.onThisEngine).toBe(true);
    } finally {
      view.dispose();
    }
  });

  it('refuses a stack name Swarm would reject before anything is deployed', () => {
    const parsed = streams.stackDeploy.input.safeParse({ project: { directory: project.dir }, stack: 'bad name!' });
    expect(parsed.success).toBe(false);
  });

  it('scales a service and rolls it back; bad input is a clear error', async () => {
    const { call } = handlersFor(services);
    expect(await call('cluster.scale', { service: 'ui_web', replicas: 2 })).toEqual({
      ok: true,
      value: { service: 'ui_web', replicas: 2 },
    });
    await until(async () => (await listStackServices(swarm.docker, STACK)).find((service) => service.running === 2));

    expect(await call('cluster.rollback', { service: 'ui_web' })).toEqual({
      ok: true,
      value: { service: 'ui_web', replicas: 1 },
    });

    for (const input of [
      { service: 'ui_web', replicas: -1 },
      { service: 'ui_web', replicas: 1.5 },
      { service: '../../info', replicas: 1 },
    ]) {
      expect(await call('cluster.scale', input)).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    }
    expect(await call('cluster.scale', { service: 'ui_nope', replicas: 1 })).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND', message: expect.stringContaining('ui_nope') },
    });
  });

  it('removes the stack only when its name is typed, and leaves nothing behind', async () => {
    const { call } = handlersFor(services);
    const refused = await call('cluster.removeStack', { stack: STACK, confirmName: 'u' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT', fix: expect.stringContaining(STACK) },
    });
    expect((await listStacks(swarm.docker)).map((stack) => stack.name)).toEqual([STACK]);

    expect(await call('cluster.removeStack', { stack: STACK, confirmName: STACK })).toEqual({
      ok: true,
      value: { services: 1, networks: 1, secrets: 0, configs: 0 },
    });
    expect(await listStacks(swarm.docker)).toEqual([]);
    expect(await swarmApi.listNetworks(swarm.docker, { label: [`com.docker.stack.namespace=${STACK}`] })).toEqual([]);
    expect(await swarmApi.listTasks(swarm.docker)).toEqual([]);

    expect(await call('cluster.removeStack', { stack: STACK, confirmName: STACK })).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND' },
    });
  });
});
