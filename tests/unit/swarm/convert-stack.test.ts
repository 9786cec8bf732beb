/** A Compose project as the Swarm objects of a stack: names, labels and spec fields as `docker stack deploy` sends. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/main/services/compose/load';
import { convertStack } from '../../../src/main/services/swarm/convert/stack-spec';
import { checkStackNames } from '../../../src/main/services/swarm/stack-name';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function stackOf(
  compose: string,
  inventory: Map<string, number> = new Map(),
  files: Record<string, string> = {},
  stack = 'st',
) {
  const dir = mkdtempSync(join(tmpdir(), 'berth-h4-unit-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'compose.yaml'), compose);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const project = await loadProject({ workingDir: dir, env: { SECRET_VALUE: 'from-env' } });
  return convertStack({ project, stack }, inventory);
}

describe('convertStack', () => {
  it('names and labels everything as docker stack deploy does', async () => {
    const stack = await stackOf(
      `name: proj
services:
  web:
    image: nginx:1.27
    labels: {tier: front}
    deploy: {labels: {owner: ml}}
    networks: [back, outside]
    volumes: [data:/data, ext:/ext:ro]
    secrets: [pw, {source: named, target: custom, mode: 0400}]
    configs: [conf]
networks: {back: {}, outside: {external: true, name: shared-net}}
volumes: {data: {labels: {keep: "yes"}}, ext: {external: true}}
secrets: {pw: {file: ./pw.txt}, named: {name: global-secret, environment: SECRET_VALUE}}
configs: {conf: {content: "level=1"}}
`,
      new Map(),
      { 'pw.txt': 'hunter2' },
    );
    expect(stack.networks.map((network) => [network.Name, network.Driver, network.Labels])).toEqual([
      ['st_back', 'overlay', { 'com.docker.stack.namespace': 'st' }],
    ]);
    expect(stack.externalNetworks).toEqual(['shared-net']);
    expect(
      stack.secrets.map((secret) => [secret.spec.Name, Buffer.from(secret.spec.Data, 'base64').toString()]),
    ).toEqual([
      ['global-secret', 'from-env'],
      ['st_pw', 'hunter2'],
    ]);
    expect(stack.configs.map((config) => config.spec.Name)).toEqual(['st_conf']);
    const [web] = stack.services;
    expect(web!.spec.Name).toBe('st_web');
    expect(web!.spec.Labels).toEqual({
      owner: 'ml',
      'com.docker.stack.namespace': 'st',
      'com.docker.stack.image': 'nginx:1.27',
    });
    const container = web!.spec.TaskTemplate.ContainerSpec;
    expect(container.Labels).toEqual({ tier: 'front', 'com.docker.stack.namespace': 'st' });
    // As sent: JSON drops the unset fields.
    expect(JSON.parse(JSON.stringify(container.Mounts))).toEqual([
      {
        Type: 'volume',
        Source: 'st_data',
        Target: '/data',
        VolumeOptions: { Labels: { keep: 'yes', 'com.docker.stack.namespace': 'st' } },
      },
      { Type: 'volume', Source: 'ext', Target: '/ext', ReadOnly: true, VolumeOptions: {} },
    ]);
    // The short form's /run/secrets/pw is sent as `pw`, as the docker CLI does; references sorted by name.
    expect(web!.secrets).toEqual([
      { Name: 'global-secret', File: { Name: 'custom', UID: '0', GID: '0', Mode: 0o400 } },
      { Name: 'st_pw', File: { Name: 'pw', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    expect(web!.configs).toEqual([{ Name: 'st_conf', File: { Name: 'conf', UID: '0', GID: '0', Mode: 0o444 } }]);
    expect(web!.spec.TaskTemplate.Networks).toEqual([
      { Target: 'shared-net', Aliases: ['web'] },
      { Target: 'st_back', Aliases: ['web'] },
    ]);
  });

  it('converts deploy settings, healthchecks, ports and the legacy restart policy', async () => {
    const { services } = await stackOf(`services:
  api:
    image: api:1
    entrypoint: [/bin/app]
    command: [serve, --port, "80"]
    environment: {B: "2", A: "1", EMPTY: ""}
    extra_hosts: ["db=10.0.0.5"]
    restart: on-failure:3
    stop_grace_period: 1m30s
    healthcheck: {test: ["CMD", "true"], interval: 2s, timeout: 1s, retries: 4, start_period: 5s}
    ports: ["8080:80", {target: 9000, published: 9000, mode: host, protocol: udp}]
    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 64}
    cap_add: [net_admin]
    deploy:
      mode: replicated
      replicas: 3
      endpoint_mode: DNSRR
      placement: {constraints: [node.role==worker], preferences: [{spread: node.labels.zone}], max_replicas_per_node: 2}
      update_config: {delay: 10s, order: start-first}
      resources: {limits: {cpus: "1.5", memory: 1G, pids: 100}, reservations: {cpus: "0.25", memory: 256M}}
  worker:
    image: worker:1
    deploy: {mode: global}
`);
    const api = services.find((service) => service.key === 'api')!.spec;
    const task = api.TaskTemplate;
    expect(task.ContainerSpec).toMatchObject({
      Command: ['/bin/app'],
      Args: ['serve', '--port', '80'],
      Env: ['A=1', 'B=2', 'EMPTY='],
      Hosts: ['10.0.0.5 db'],
      StopGracePeriod: 90e9,
      Healthcheck: { Test: ['CMD', 'true'], Interval: 2e9, Timeout: 1e9, Retries: 4, StartPeriod: 5e9 },
      Ulimits: [
        { Name: 'nofile', Soft: 1024, Hard: 2048 },
        { Name: 'nproc', Soft: 64, Hard: 64 },
      ],
      CapabilityAdd: ['CAP_NET_ADMIN'],
    });
    expect(task.RestartPolicy).toEqual({ Condition: 'on-failure', MaxAttempts: 3 });
    expect(task.Placement).toEqual({
      Constraints: ['node.role==worker'],
      Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
      MaxReplicas: 2,
    });
    expect(task.Resources).toEqual({
      Limits: { NanoCPUs: 1.5e9, MemoryBytes: 1073741824, Pids: 100 },
      Reservations: { NanoCPUs: 0.25e9, MemoryBytes: 268435456 },
    });
    expect(api.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(api.UpdateConfig).toEqual({ Parallelism: 1, Delay: 10e9, Order: 'start-first' });
    expect(api.EndpointSpec).toEqual({
      Mode: 'dnsrr',
      Ports: [
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { Protocol: 'udp', TargetPort: 9000, PublishedPort: 9000, PublishMode: 'host' },
      ],
    });
    expect(services.find((service) => service.key === 'worker')!.spec.Mode).toEqual({ Global: {} });
  });

  it('turns GPU device requests into the generic resources the swarm offers', async () => {
    const compose = `services:
  train:
    image: t:1
    deploy:
      resources:
        reservations:
          devices: [{capabilities: [gpu], count: 2}]
  notebook:
    image: n:1
    gpus: all
`;
    const { services, findings } = await stackOf(compose, new Map([['NVIDIA-GPU', 4]]));
    const reservations = (key: string) =>
      services.find((service) => service.key === key)!.spec.TaskTemplate.Resources?.Reservations;
    expect(reservations('train')).toEqual({
      GenericResources: [{ DiscreteResourceSpec: { Kind: 'NVIDIA-GPU', Value: 2 } }],
    });
    expect(reservations('notebook')).toEqual({
      GenericResources: [{ DiscreteResourceSpec: { Kind: 'NVIDIA-GPU', Value: 4 } }],
    });
    expect(findings).toContainEqual({
      service: 'train',
      property: 'deploy.resources.reservations.devices',
      level: 'converted',
      message: 'reserves 2 NVIDIA-GPU generic resources',
    });
  });

  it('refuses a GPU request on a swarm without GPU generic resources, naming the service', async () => {
    const compose = `services:\n  train:\n    image: t:1\n    gpus: [{count: 1}]\n`;
    await expect(stackOf(compose)).rejects.toMatchObject({
      code: 'E_GPU_UNAVAILABLE',
      message: expect.stringContaining('Service "train" requests GPUs (gpus)'),
    });
    await expect(
      stackOf(
        `services:\n  t:\n    image: t:1\n    deploy: {resources: {reservations: {generic_resources: [{discrete_resource_spec: {kind: FPGA, value: 1}}]}}}\n`,
      ),
    ).rejects.toMatchObject({
      code: 'E_GPU_UNAVAILABLE',
      message: expect.stringContaining('"FPGA"'),
    });
  });

  it('says what Swarm ignores, converts or refuses, per service', async () => {
    const { findings } = await stackOf(`services:
  app:
    image: a:1
    build: .
    container_name: fixed
    privileged: true
    mem_limit: 1g
    depends_on: {db: {condition: service_healthy}}
    ports: ["127.0.0.1:80:80"]
    tmpfs: [/tmp]
  db:
    build: ./db
`);
    const of = (service: string) =>
      findings
        .filter((finding) => finding.service === service)
        .map((finding) => `${finding.level}:${finding.property}`);
    expect(of('app')).toEqual(
      expect.arrayContaining([
        'ignored:build',
        'ignored:container_name',
        'ignored:privileged',
        'error:mem_limit',
        'ignored:depends_on',
        'ignored:ports',
        'ignored:tmpfs',
      ]),
    );
    expect(of('db')).toEqual(expect.arrayContaining(['error:image', 'ignored:build']));
  });

  it('names a missing secret file and the services using it', async () => {
    await expect(
      stackOf(`services:\n  a:\n    image: a:1\n    secrets: [s]\nsecrets:\n  s: {file: ./nope.txt}\n`),
    ).rejects.toMatchObject({
      code: 'E_COMPOSE_FILE',
      message: expect.stringMatching(/^Secret "s" \(used by service "a"\): the file .*nope\.txt does not exist\.$/),
    });
  });
});

describe('checkStackNames', () => {
  it('accepts DNS name components and refuses the rest, naming the service', () => {
    expect(() => checkStackNames('ml-stack_2', ['web'])).not.toThrow();
    for (const bad of ['bad.name', '-x', 'x-', 'a b', ''])
      expect(() => checkStackNames(bad, ['web'])).toThrow(/Invalid stack name/);
    expect(() => checkStackNames('st', ['web.v2'])).toThrow('Service "web.v2"');
    expect(() => checkStackNames('st', ['x'.repeat(61)])).toThrow(/at most 63/);
  });
});
