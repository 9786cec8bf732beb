/**
 * Deploying to Swarm against a real one-node swarm: a private dockerd in a network namespace of its own (never the
 * engine other tests use), with the real docker CLI as the reference for `docker stack deploy`. One engine for the
 * whole file (starting one takes a few seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import type { LogsMessage } from '@shared/schemas/logs';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { createClusterViewSource, type ClusterViewMessage } from '../../../src/main/services/swarm/cluster-view-source';
import { listStacks, listStackServices, listStackTasks } from '../../../src/main/services/swarm/cluster-queries';
import { rollbackService, scaleService, taskContainer } from '../../../src/main/services/swarm/service-actions';
import { createServiceLogsSource } from '../../../src/main/services/swarm/service-logs-source';
import { deployStack } from '../../../src/main/services/swarm/stack-deploy';
import type { StackProgressEvent } from '../../../src/main/services/swarm/stack-events';
import { removeStack } from '../../../src/main/services/swarm/stack-teardown';
import { swarmApi } from '../../../src/main/services/swarm/swarm-client';
import type { ServiceSpec } from '../../../src/main/services/swarm/swarm-spec';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../../support/swarm/swarm-engine';
import { dockerCli, loadDir, projectDir } from '../../support/swarm/stack-fixtures';
import { until } from '../../support/swarm/stream-collect';

const engine = await requireEngine();

/** Accepted by `docker stack deploy` as it is, so both tools deploy the same file. */
const STACK_FILE = `
services:
  api:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo started; cat /run/secrets/api_token > /dev/null && echo secret-ok; while true; do echo tick; sleep 1; done"]
    environment:
      MODE: test
    deploy:
      replicas: 2
      endpoint_mode: dnsrr
      update_config: {parallelism: 1, delay: 1s}
      resources: {limits: {cpus: '0.5', memory: 64M}}
      restart_policy: {condition: any, delay: 1s}
    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}
    secrets: [api_token]
    configs: [{source: app_conf, target: /etc/app.conf}]
    networks: [back]
  edge:
    image: ${TEST_IMAGE}
    command: ["httpd", "-f", "-p", "80"]
    init: true
    stop_grace_period: 5s
    working_dir: /data
    labels: {tier: edge}
    ulimits: {nofile: {soft: 4096, hard: 8192}}
    extra_hosts: ["metadata=169.254.169.254"]
    cap_drop: [NET_RAW]
    ports:
      - target: 80
        published: \${EDGE_PORT:-18080}
        mode: host
    deploy: {endpoint_mode: dnsrr, labels: {owner: team-a}, placement: {constraints: [node.role == manager]}}
    networks: [back, front]
    volumes: [data:/data]
networks: {back: {}, front: {}}
volumes: {data: {}}
secrets: {api_token: {file: ./token.txt}}
configs: {app_conf: {file: ./app.conf}}
`;
/** The CLI's copy of the stack publishes the host-mode port elsewhere: one node can't publish it twice. */
const CLI_EDGE_PORT = '18081';
const FILES = { 'compose.yaml': STACK_FILE, 'token.txt': 'not-a-real-token\n', 'app.conf': 'level=1\n' };

describe.skipIf(!engine.available || skipWithoutPrivateDockerd())('stack deploy on a private swarm', () => {
  let swarm: SwarmEngine;
  const project = projectDir(FILES);

  beforeAll(async () => {
    swarm = await startSwarmEngine({
      name: 'h4-stack',
      images: [TEST_IMAGE],
      source: engine.docker,
      genericResources: ['NVIDIA-GPU=GPU-one'],
    });
  });
  afterAll(async () => {
    await swarm?.dispose();
    project.dispose();
  });

  it('deploys services, an overlay network, a secret and a config that `docker stack ps` sees', async () => {
    const events: StackProgressEvent[] = [];
    const result = await deployStack(swarm.docker, await loadDir(project.dir), {
      stack: 'ml',
      wait: true,
      waitTimeoutMs: 60_000,
      onProgress: (event) => events.push(event),
    });
    expect(result.changed).toBe(6);
    const created = events.filter(
      (event) => event.type === 'step' && event.state === 'done' && event.action === 'create',
    );
    expect(created.map((event) => (event.type === 'step' ? `${event.object}:${event.name}` : '')).sort()).toEqual([
      'config:ml_app_conf',
      'network:ml_back',
      'network:ml_front',
      'secret:ml_api_token',
      'service:ml_api',
      'service:ml_edge',
    ]);
    expect(events.at(-1)).toEqual({ type: 'converged' });

    const { stdout } = await dockerCli(swarm.dockerHost, [
      'stack',
      'ps',
      'ml',
      '--format',
      '{{.Name}} {{.CurrentState}}',
      '--filter',
      'desired-state=running',
    ]);
    const running = stdout
      .trim()
      .split('\n')
      .filter((line) => / Running /.test(line));
    expect(running.map((line) => line.split(' ')[0]).sort()).toEqual(['ml_api.1', 'ml_api.2', 'ml_edge.1']);
    const services = await dockerCli(swarm.dockerHost, [
      'stack',
      'services',
      'ml',
      '--format',
      '{{.Name}} {{.Replicas}}',
    ]);
    expect(services.stdout.trim().split('\n').sort()).toEqual(['ml_api 2/2', 'ml_edge 1/1']);
  });

  it('writes the same service specs as `docker stack deploy` does for the same file', async () => {
    await dockerCli(swarm.dockerHost, ['stack', 'deploy', '--detach=true', '-c', 'compose.yaml', 'cli'], project.dir, {
      EDGE_PORT: CLI_EDGE_PORT,
    });
    for (const service of ['api', 'edge']) {
      const [berth, cli] = await Promise.all([
        swarmApi.inspectService(swarm.docker, `ml_${service}`),
        swarmApi.inspectService(swarm.docker, `cli_${service}`),
      ]);
      const networks = new Map(
        (await swarmApi.listNetworks(swarm.docker)).map((network) => [network.Id, network.Name]),
      );
      expect(comparable(berth.Spec, 'ml', networks)).toEqual(comparable(cli.Spec, 'cli', networks));
    }
    const [berthSecret] = await swarmApi.listFileObjects(swarm.docker, 'secrets', { name: ['ml_api_token'] });
    const [cliSecret] = await swarmApi.listFileObjects(swarm.docker, 'secrets', { name: ['cli_api_token'] });
    expect(berthSecret!.Spec.Labels).toEqual({ 'com.docker.stack.namespace': 'ml' });
    expect(cliSecret!.Spec.Labels).toEqual({ 'com.docker.stack.namespace': 'cli' });
  });

  it("re-deploys an unchanged project without updating anything, its own stack or the CLI's", async () => {
    for (const stack of ['ml', 'cli']) {
      const events: StackProgressEvent[] = [];
      const result = await deployStack(
        swarm.docker,
        await loadDir(project.dir, stack === 'cli' ? { EDGE_PORT: CLI_EDGE_PORT } : {}),
        {
          stack,
          onProgress: (event) => events.push(event),
        },
      );
      expect(result.changed).toBe(0);
      expect(
        events
          .filter((event) => event.type === 'step' && event.object === 'service')
          .map((event) => event.type === 'step' && event.action),
      ).toEqual(['unchanged', 'unchanged']);
    }
    // Never updated: a service update would have kept the spec before it. (Versions alone can't tell: Swarm bumps
    // a new service's version itself while it settles.)
    const services = await swarmApi.listServices(swarm.docker);
    expect(services.map((service) => [service.Spec.Name, service.PreviousSpec === undefined]).sort()).toEqual([
      ['cli_api', true],
      ['cli_edge', true],
      ['ml_api', true],
      ['ml_edge', true],
    ]);
  });

  it("lists the CLI's stack and its own, and updates only the service whose spec changed", async () => {
    expect((await listStacks(swarm.docker)).map((stack) => `${stack.name}:${stack.services}`)).toEqual([
      'cli:2',
      'ml:2',
    ]);
    const changed = projectDir({ ...FILES, 'compose.yaml': STACK_FILE.replace('MODE: test', 'MODE: changed') });
    try {
      const events: StackProgressEvent[] = [];
      await deployStack(swarm.docker, await loadDir(changed.dir, { EDGE_PORT: CLI_EDGE_PORT }), {
        stack: 'cli',
        onProgress: (event) => events.push(event),
      });
      const updates = events.filter(
        (event) => event.type === 'step' && event.state === 'done' && event.action === 'update',
      );
      expect(updates).toEqual([
        expect.objectContaining({ object: 'service', name: 'cli_api', changes: ['TaskTemplate.ContainerSpec.Env'] }),
      ]);
    } finally {
      changed.dispose();
    }
    const cliApi = await swarmApi.inspectService(swarm.docker, 'cli_api');
    expect(cliApi.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['MODE=changed']);
  });

  it("shows a replacement task live, from engine events, after a task's container is killed", async () => {
    const connection = new EngineConnection({ env: { DOCKER_HOST: swarm.dockerHost }, homeDir: '/nonexistent' });
    await connection.start();
    const messages: ClusterViewMessage[] = [];
    const source = createClusterViewSource(connection, { stack: 'ml' });
    source.start({ emit: (message) => messages.push(message), end: () => {} });
    try {
      const tasks = await until(() =>
        latest(messages, 'tasks')?.tasks.filter((task) => task.serviceName === 'ml_edge' && task.state === 'running'),
      );
      const victim = tasks[0]!;
      await swarm.docker.getContainer(victim.containerId!).kill();
      const replacement = await until(() =>
        latest(messages, 'tasks')?.tasks.find(
          (task) => task.serviceName === 'ml_edge' && task.state === 'running' && task.id !== victim.id,
        ),
      );
      expect(replacement.slot).toBe(victim.slot);
      expect(replacement.onThisEngine).toBe(true);
      const failed = latest(messages, 'tasks')!.tasks.find((task) => task.id === victim.id)!;
      expect(failed.desiredState).toBe('shutdown');
      expect(latest(messages, 'nodes')!.nodes).toEqual([
        expect.objectContaining({
          self: true,
          role: 'manager',
          state: 'ready',
          genericResources: [{ kind: 'NVIDIA-GPU', count: 1 }],
        }),
      ]);
    } finally {
      source.dispose();
      await connection.stop();
    }
  });

  it("merges a service's logs across its tasks, each task a source", async () => {
    const messages: LogsMessage[] = [];
    const source = createServiceLogsSource(swarm.docker, { service: 'ml_api', follow: false });
    await new Promise<void>((resolve, reject) =>
      source.start({ emit: (message) => messages.push(message), end: (error) => (error ? reject(error) : resolve()) }),
    );
    const texts = messages.flatMap((message) => (message.type === 'lines' ? message.texts : []));
    expect(texts.filter((text) => text === 'secret-ok')).toHaveLength(2);
    const sources = messages.filter((message) => message.type === 'sources').at(-1);
    expect(sources?.type === 'sources' && sources.sources.length).toBe(2);
    expect(messages.some((message) => message.type === 'caught-up')).toBe(true);
  });

  it('scales and rolls back a service, and finds the container of a task on this engine', async () => {
    const scaled = await scaleService(swarm.docker, 'ml_api', 3);
    expect(scaled.Spec.Mode.Replicated?.Replicas).toBe(3);
    const rolledBack = await rollbackService(swarm.docker, 'ml_api');
    expect(rolledBack.Spec.Mode.Replicated?.Replicas).toBe(2);
    const { containerId } = await taskContainer(swarm.docker, { service: 'ml_edge' });
    expect(
      (await swarm.docker.getContainer(containerId).inspect()).Config.Labels['com.docker.swarm.service.name'],
    ).toBe('ml_edge');
    await expect(scaleService(swarm.docker, 'ml_nope', 1)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('reserves NVIDIA-GPU generic resources for a GPU request, and refuses one no node can satisfy', async () => {
    const gpu = projectDir({
      'compose.yaml': `services:\n  trainer:\n    image: ${TEST_IMAGE}\n    command: sleep 3600\n    deploy:\n      resources:\n        reservations:\n          devices: [{capabilities: [gpu], count: 1}]\n`,
    });
    const amd = projectDir({
      'compose.yaml': `services:\n  trainer:\n    image: ${TEST_IMAGE}\n    command: sleep 3600\n    gpus: [{driver: amd, count: 1}]\n`,
    });
    try {
      await deployStack(swarm.docker, await loadDir(gpu.dir), { stack: 'gpu' });
      const service = await swarmApi.inspectService(swarm.docker, 'gpu_trainer');
      expect(service.Spec.TaskTemplate.Resources?.Reservations?.GenericResources).toEqual([
        { DiscreteResourceSpec: { Kind: 'NVIDIA-GPU', Value: 1 } },
      ]);
      // Swarm schedules the task with that reservation. (Engine 20.10's swarm then rejects tasks that reserve generic
      // resources and join an overlay network, "node is missing network attachments", as it does for the docker CLI's
      // `docker service create --network … --generic-resource NVIDIA-GPU=1`; so running is not awaited here.)
      const [task] = await until(() => swarmApi.listTasks(swarm.docker, { service: ['gpu_trainer'] }));
      expect(task!.Spec.Resources?.Reservations?.GenericResources).toEqual([
        { DiscreteResourceSpec: { Kind: 'NVIDIA-GPU', Value: 1 } },
      ]);
      const error = await deployStack(swarm.docker, await loadDir(amd.dir), { stack: 'amd' }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BerthError);
      expect(error).toMatchObject({
        code: 'E_GPU_UNAVAILABLE',
        message: expect.stringContaining('Service "trainer" requests GPUs'),
      });
      expect(await stackObjects(swarm, 'amd')).toEqual([]);
      await removeStack(swarm.docker, 'gpu');
    } finally {
      gpu.dispose();
      amd.dispose();
    }
  });

  it('stops on bad input with an error naming the service, leaving nothing behind', async () => {
    const missingSecret = projectDir({ 'compose.yaml': STACK_FILE, 'app.conf': 'x\n' });
    const rejected = projectDir({
      ...FILES,
      'compose.yaml': STACK_FILE.replace(
        'endpoint_mode: dnsrr\n      update_config',
        'endpoint_mode: dnsrr\n      placement: {constraints: ["no operator here"]}\n      update_config',
      ),
    });
    try {
      await expect(deployStack(swarm.docker, await loadDir(project.dir), { stack: 'bad.name' })).rejects.toMatchObject({
        code: 'E_INVALID_INPUT',
        message: expect.stringContaining('Invalid stack name "bad.name"'),
      });
      await expect(
        deployStack(swarm.docker, await loadDir(missingSecret.dir), { stack: 'nosecret' }),
      ).rejects.toMatchObject({
        code: 'E_COMPOSE_FILE',
        message: expect.stringMatching(/Secret "api_token" \(used by service "api"\).*token\.txt does not exist/),
      });
      // The engine refuses the service only after the secret, config and networks exist: all undone.
      const events: StackProgressEvent[] = [];
      await expect(
        deployStack(swarm.docker, await loadDir(rejected.dir), {
          stack: 'half',
          onProgress: (event) => events.push(event),
        }),
      ).rejects.toMatchObject({
        message: expect.stringContaining('Creating service half_api'),
      });
      expect(events.filter((event) => event.type === 'undo').length).toBeGreaterThanOrEqual(4);
      for (const stack of ['bad.name', 'nosecret', 'half']) expect(await stackObjects(swarm, stack)).toEqual([]);
    } finally {
      missingSecret.dispose();
      rejected.dispose();
    }
  });

  it("removes stacks, either tool's, leaving no service, task, network, secret or config", async () => {
    await removeStack(swarm.docker, 'cli');
    expect(await stackObjects(swarm, 'cli')).toEqual([]);
    await dockerCli(swarm.dockerHost, ['stack', 'rm', '--detach=false', 'ml']);
    // The CLI removes the networks while the tasks still stop: the node's copies linger a few seconds more.
    await until(async () => ((await stackObjects(swarm, 'ml')).length === 0 ? true : undefined));
    await until(async () => ((await swarm.docker.listContainers({ all: true })).length === 0 ? true : undefined));
    await expect(listStackServices(swarm.docker, 'ml')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(await listStackTasks(swarm.docker, {})).toEqual([]);
  });
});

/** A spec with the stack name and engine ids taken out, to compare stacks deployed under two names. */
function comparable(spec: ServiceSpec, stack: string, networks: Map<string, string>): unknown {
  const task = spec.TaskTemplate;
  const text = JSON.stringify({
    ...spec,
    TaskTemplate: {
      ...task,
      Networks: task.Networks?.map((network) => ({ ...network, Target: networks.get(network.Target) })),
      ContainerSpec: {
        ...task.ContainerSpec,
        Secrets: task.ContainerSpec.Secrets?.map(({ SecretID: _id, ...rest }) => rest),
        Configs: task.ContainerSpec.Configs?.map(({ ConfigID: _id, ...rest }) => rest),
      },
    },
  });
  const normalized = JSON.parse(
    text.replaceAll(`"${stack}_`, '"STACK_').replaceAll(`"${stack}"`, '"STACK"'),
  ) as ServiceSpec;
  for (const port of normalized.EndpointSpec?.Ports ?? []) port.PublishedPort = 0;
  return normalized;
}

/** Names of the services, networks, secrets and configs labelled with the stack. */
async function stackObjects(swarm: SwarmEngine, stack: string): Promise<string[]> {
  const filters = { label: [`com.docker.stack.namespace=${stack}`] };
  const [services, networks, secrets, configs] = await Promise.all([
    swarmApi.listServices(swarm.docker, filters),
    swarmApi.listNetworks(swarm.docker, filters),
    swarmApi.listFileObjects(swarm.docker, 'secrets', filters),
    swarmApi.listFileObjects(swarm.docker, 'configs', filters),
  ]);
  return [
    ...services.map((s) => s.Spec.Name),
    ...networks.map((n) => n.Name),
    ...secrets.map((s) => s.Spec.Name),
    ...configs.map((c) => c.Spec.Name),
  ];
}

function latest<T extends ClusterViewMessage['type']>(
  messages: ClusterViewMessage[],
  type: T,
): Extract<ClusterViewMessage, { type: T }> | undefined {
  return messages
    .filter((message): message is Extract<ClusterViewMessage, { type: T }> => message.type === type)
    .at(-1);
}
