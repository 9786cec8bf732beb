/** Every field of the model that must reach the container, checked in the engine's inspect data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { containerSpec } from '../../../src/main/services/compose/engine/spec/container-spec';
import { requireEngine } from '../../support/require-engine';
import { compose as composeCli, containerIds, recordingEngine, testProject, type TestProject } from './support';

const engine = await requireEngine();

const PORT = 20000 + (process.pid % 20000);
// Each describe publishes the same host ports; they run one after the other.

const STACK = `
name: \${NAME}
services:
  app:
    image: berth-test-busybox:latest
    entrypoint: ["sh", "-c"]
    command: ["sleep 3600"]
    working_dir: /work
    user: "1000:1000"
    hostname: apphost
    environment: [A=1, B=two words]
    env_file: [app.env]
    ports:
      - "127.0.0.1:${PORT}:80"
      - "${PORT + 1}-${PORT + 2}:81-82/udp"
      - {target: 90, published: "${PORT + 3}", host_ip: 127.0.0.1, protocol: tcp, mode: host}
      - "127.0.0.1::9999"
    expose: ["7000"]
    volumes:
      - ./cfgdir:/cfg:ro
      - {type: bind, source: ./created-by-engine, target: /cfg2, bind: {create_host_path: true}}
      - {type: volume, source: data, target: /data, volume: {nocopy: true}}
      - {type: tmpfs, target: /scratch, tmpfs: {size: 64m, mode: 1777}}
      - /anon
    tmpfs: ["/run/x:size=16m"]
    secrets: [db_password, {source: db_password, target: custom_pw}]
    configs: [app_conf, {source: app_conf, target: /etc/app.conf}]
    shm_size: 128m
    ipc: shareable
    ulimits: {stack: 67108864, nofile: {soft: 1024, hard: 4096}}
    restart: on-failure:3
    logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}
    healthcheck: {test: ["CMD-SHELL", "true"], interval: 1m30s, timeout: 10s, retries: 3, start_period: 40s}
    stop_grace_period: 1m
    stop_signal: SIGINT
    init: true
    cap_add: [SYS_PTRACE]
    cap_drop: [NET_RAW]
    security_opt: ["no-new-privileges:true"]
    extra_hosts: ["host.docker.internal:host-gateway", "db.local=10.0.0.5"]
    mem_limit: 512m
    mem_reservation: 64m
    cpus: 1.5
    pids_limit: 100
    labels: {my.label: x}
    networks:
      front: {aliases: [app-alias]}
      back: {}
      outside: {}
  peer:
    image: berth-test-busybox:latest
    command: sleep 3600
    ipc: "service:app"
    pid: "service:app"
    network_mode: "service:app"
    deploy:
      restart_policy: {condition: any, delay: 5s}
      resources: {limits: {cpus: "0.5", memory: 32m}}
volumes:
  data: {}
networks:
  front: {}
  back: {internal: true}
  outside: {external: true, name: \${NAME}-ext}
secrets:
  db_password: {file: ./db_password.txt}
configs:
  app_conf: {file: ./app.conf}
`;

describe.skipIf(!engine.available)('compose engine: fields round-trip into inspect data', () => {
  const docker = engine.docker;
  let project: TestProject;
  let app: Docker.ContainerInspectInfo;
  let peer: Docker.ContainerInspectInfo;

  beforeAll(async () => {
    project = testProject(docker, 'fields', {
      'compose.yaml': STACK,
      'app.env': 'FROM_FILE=yes\n',
      'cfgdir/.keep': '',
      'db_password.txt': 'pw\n',
      'app.conf': 'x=1\n',
    });
    await docker.createNetwork({ Name: `${project.name}-ext` });
    const { engine: compose } = recordingEngine(docker);
    await compose.up(await project.load());
    app = await docker.getContainer(`${project.name}-app-1`).inspect();
    peer = await docker.getContainer(`${project.name}-peer-1`).inspect();
  });

  afterAll(async () => {
    await project.cleanup();
    await docker
      .getNetwork(`${project.name}-ext`)
      .remove()
      .catch(() => {});
  });

  it('image, command, entrypoint, environment and env_file, user, working_dir, hostname, labels', () => {
    expect(app.Config.Image).toBe('berth-test-busybox:latest');
    expect(app.Config.Entrypoint).toEqual(['sh', '-c']);
    expect(app.Config.Cmd).toEqual(['sleep 3600']);
    expect(app.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=two words', 'FROM_FILE=yes']));
    expect(app.Config.User).toBe('1000:1000');
    expect(app.Config.WorkingDir).toBe('/work');
    expect(app.Config.Hostname).toBe('apphost');
    expect(app.Config.Labels['my.label']).toBe('x');
    expect((app.Config as { StopSignal?: string }).StopSignal).toBe('SIGINT');
    expect((app.Config as { StopTimeout?: number }).StopTimeout).toBe(60);
  });

  it('ports: short, long, ranges, host ip and ephemeral; expose', () => {
    const bindings = app.HostConfig.PortBindings as Record<string, { HostIp: string; HostPort: string }[]>;
    expect(bindings['80/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(PORT) }]);
    expect(bindings['81/udp']).toEqual([{ HostIp: '', HostPort: String(PORT + 1) }]);
    expect(bindings['82/udp']).toEqual([{ HostIp: '', HostPort: String(PORT + 2) }]);
    expect(bindings['90/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(PORT + 3) }]);
    expect(bindings['9999/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: '' }]);
    expect(Object.keys(app.Config.ExposedPorts)).toEqual(
      expect.arrayContaining(['7000', '80/tcp', '81/udp', '82/udp', '90/tcp', '9999/tcp']),
    );
  });

  it('volumes: named, anonymous, bind (read-only, created host path), tmpfs; secrets and configs from files', () => {
    const mounts = new Map(app.Mounts.map((mount) => [mount.Destination, mount]));
    expect(mounts.get('/cfg')).toMatchObject({ Type: 'bind', Source: `${project.dir}/cfgdir`, RW: false });
    expect(mounts.get('/cfg2')).toMatchObject({ Type: 'bind', Source: `${project.dir}/created-by-engine`, RW: true });
    expect(mounts.get('/data')).toMatchObject({ Type: 'volume', Name: `${project.name}_data` });
    expect(mounts.get('/anon')).toMatchObject({ Type: 'volume' });
    expect(mounts.get('/run/secrets/db_password')).toMatchObject({
      Source: `${project.dir}/db_password.txt`,
      RW: false,
    });
    expect(mounts.get('/run/secrets/custom_pw')).toMatchObject({ Source: `${project.dir}/db_password.txt`, RW: false });
    expect(mounts.get('/app_conf')).toMatchObject({ Source: `${project.dir}/app.conf`, RW: false });
    expect(mounts.get('/etc/app.conf')).toMatchObject({ Source: `${project.dir}/app.conf`, RW: false });
    const tmpfsMount = (app.HostConfig.Mounts ?? []).find((mount) => mount.Target === '/scratch');
    expect(tmpfsMount).toMatchObject({ Type: 'tmpfs', TmpfsOptions: { SizeBytes: 67108864, Mode: 1777 } });
    expect(app.HostConfig.Tmpfs).toEqual({ '/run/x': 'size=16m' });
  });

  it('networks: named with aliases, internal, external; network_mode, ipc and pid of another service', async () => {
    const networks = app.NetworkSettings.Networks;
    expect(Object.keys(networks).sort()).toEqual(
      [`${project.name}-ext`, `${project.name}_back`, `${project.name}_front`].sort(),
    );
    expect(networks[`${project.name}_front`]!.Aliases).toEqual(
      expect.arrayContaining([`${project.name}-app-1`, 'app', 'app-alias']),
    );
    expect((await docker.getNetwork(`${project.name}_back`).inspect()).Internal).toBe(true);
    expect(peer.HostConfig.NetworkMode).toBe(`container:${app.Id}`);
    expect(peer.HostConfig.IpcMode).toBe(`container:${app.Id}`);
    expect(peer.HostConfig.PidMode).toBe(`container:${app.Id}`);
  });

  it('healthcheck, restart and deploy.restart_policy, init, shm_size, ulimits, caps, security_opt, extra_hosts', () => {
    expect(app.Config.Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'true'],
      Interval: 90e9,
      Timeout: 10e9,
      StartPeriod: 40e9,
      Retries: 3,
    });
    expect(app.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
    expect(peer.HostConfig.RestartPolicy).toMatchObject({ Name: 'always' });
    expect(app.HostConfig.Init).toBe(true);
    expect(app.HostConfig.ShmSize).toBe(128 * 1024 * 1024);
    expect(app.HostConfig.IpcMode).toBe('shareable');
    expect(app.HostConfig.Ulimits).toEqual(
      expect.arrayContaining([
        { Name: 'stack', Soft: 67108864, Hard: 67108864 },
        { Name: 'nofile', Soft: 1024, Hard: 4096 },
      ]),
    );
    expect(app.HostConfig.CapAdd).toEqual(['SYS_PTRACE']);
    expect(app.HostConfig.CapDrop).toEqual(['NET_RAW']);
    expect(app.HostConfig.SecurityOpt).toEqual(['no-new-privileges:true']);
    expect(app.HostConfig.ExtraHosts!.sort()).toEqual(['db.local:10.0.0.5', 'host.docker.internal:host-gateway']);
  });

  it('memory and cpu limits (service keys and deploy.resources), pids, logging', () => {
    expect(app.HostConfig.Memory).toBe(512 * 1024 * 1024);
    expect(app.HostConfig.MemoryReservation).toBe(64 * 1024 * 1024);
    expect(app.HostConfig.NanoCpus).toBe(1.5e9);
    expect(app.HostConfig.PidsLimit).toBe(100);
    expect(peer.HostConfig.NanoCpus).toBe(0.5e9);
    expect(peer.HostConfig.Memory).toBe(32 * 1024 * 1024);
    expect(app.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-file': '3', 'max-size': '10m' } });
  });

  it('GPU requests reach HostConfig.DeviceRequests (created, not started: this engine has no GPU)', async () => {
    const gpuProject = testProject(docker, 'gpu-fields', {
      'compose.yaml': `
name: \${NAME}
services:
  train:
    image: berth-test-busybox:latest
    deploy: {resources: {reservations: {devices: [{driver: nvidia, device_ids: ["0", "1"], capabilities: [gpu, utility], options: {foo: bar}}]}}}
  notebook:
    image: berth-test-busybox:latest
    gpus: all
`,
    });
    try {
      const loaded = await gpuProject.load();
      const image = await docker.getImage('berth-test-busybox:latest').inspect();
      const created: Docker.ContainerInspectInfo[] = [];
      for (const service of ['train', 'notebook']) {
        const spec = containerSpec({ project: loaded, service, number: 1, imageId: image.Id, containerIdOf: () => '' });
        delete spec.create.NetworkingConfig;
        spec.create.HostConfig!.NetworkMode = 'none';
        const container = await docker.createContainer(spec.create);
        created.push(await container.inspect());
      }
      expect(created[0]!.HostConfig.DeviceRequests).toEqual([
        {
          Driver: 'nvidia',
          Count: 0,
          DeviceIDs: ['0', '1'],
          Capabilities: [['gpu', 'utility']],
          Options: { foo: 'bar' },
        },
      ]);
      expect(created[1]!.HostConfig.DeviceRequests).toEqual([
        { Driver: '', Count: -1, DeviceIDs: null, Capabilities: [['gpu']], Options: {} },
      ]);
    } finally {
      await gpuProject.cleanup();
    }
  });
});

describe.skipIf(!engine.available)('compose engine: the same fields, as docker compose sees them', () => {
  it('docker compose up -d leaves every container Berth created in place (config hashes agree)', async () => {
    const docker = engine.docker;
    const project = testProject(docker, 'fields-hash', {
      'compose.yaml': STACK,
      'app.env': 'FROM_FILE=yes\n',
      'cfgdir/.keep': '',
      'db_password.txt': 'pw\n',
      'app.conf': 'x=1\n',
    });
    await docker.createNetwork({ Name: `${project.name}-ext` });
    try {
      const { engine: compose } = recordingEngine(docker);
      await compose.up(await project.load());
      const before = await containerIds(docker, project.name);
      await composeCli(project.dir, 'up', '-d');
      expect(await containerIds(docker, project.name)).toEqual(before);
    } finally {
      await project.cleanup();
      await docker
        .getNetwork(`${project.name}-ext`)
        .remove()
        .catch(() => {});
    }
  });
});
