/** The create request for a service, checked against what Compose 2.26 sent for the same file (api-trace.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerSpec } from '../../../src/main/services/compose/engine/spec/container-spec';
import { deviceRequests } from '../../../src/main/services/compose/engine/spec/device-requests';
import { serviceOf } from '../../../src/main/services/compose/model/project';
import { projectFrom } from './fixtures';

// The compose file of /work/shared/compose-experiments/full-service, with the test image.
const FULL_SERVICE = readFileSync(new URL('./full-service.compose.yaml', import.meta.url), 'utf8');
const FILES = { 'db_password.txt': 'pw\n', 'app.conf': 'x=1\n', 'cfgdir/.keep': '' };
const APP_ID = 'a'.repeat(64);

async function specs() {
  const project = await projectFrom(FULL_SERVICE, FILES);
  const input = { project, number: 1, imageId: 'sha256:img', containerIdOf: () => APP_ID };
  return {
    project,
    app: containerSpec({ ...input, service: 'app' }),
    peer: containerSpec({ ...input, service: 'peer' }),
  };
}

describe('containerSpec', () => {
  it('names the container and labels it as Compose does', async () => {
    const { project, app, peer } = await specs();
    expect(app.name).toBe('research-full-app-1');
    expect(app.create.Labels).toMatchObject({
      'com.docker.compose.container-number': '1',
      'com.docker.compose.depends_on': '',
      'com.docker.compose.image': 'sha256:img',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project': 'research-full',
      'com.docker.compose.project.config_files': project.configFiles.join(','),
      'com.docker.compose.project.working_dir': project.workingDir,
      'com.docker.compose.service': 'app',
      'com.docker.compose.version': '2.26.1',
      'my.label': 'x',
    });
    expect(app.create.Labels!['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    // network_mode: service:app adds an implicit dependency with restart: true.
    expect(peer.create.Labels!['com.docker.compose.depends_on']).toBe('app:service_started:true');
  });

  it('maps process, ports, health and limits like the trace', async () => {
    const { app } = await specs();
    const create = app.create;
    expect(create).toMatchObject({
      Hostname: 'apphost',
      User: '1000:1000',
      WorkingDir: '/work',
      Env: ['A=1'],
      Cmd: ['sh', '-c', 'sleep 3600'],
      StopSignal: 'SIGINT',
      StopTimeout: 60,
      Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 90e9, Timeout: 10e9, StartPeriod: 40e9, Retries: 3 },
      ExposedPorts: { '7000': {}, '80/tcp': {}, '81/udp': {}, '82/udp': {}, '90/tcp': {}, '9999/tcp': {} },
    });
    expect(create.HostConfig).toMatchObject({
      PortBindings: {
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18081' }],
        '81/udp': [{ HostIp: '', HostPort: '18082' }],
        '82/udp': [{ HostIp: '', HostPort: '18083' }],
        '90/tcp': [{ HostIp: '127.0.0.1', HostPort: '18090' }],
        '9999/tcp': [{ HostIp: '', HostPort: '' }],
      },
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      LogConfig: { Type: 'json-file', Config: { 'max-file': '3', 'max-size': '10m' } },
      CapAdd: ['SYS_PTRACE'],
      SecurityOpt: ['no-new-privileges:true'],
      ExtraHosts: ['host.docker.internal:host-gateway'],
      IpcMode: 'shareable',
      Tmpfs: { '/run/x': 'size=16m' },
      ShmSize: 2147483648,
      Memory: 536870912,
      NanoCpus: 1500000000,
      PidsLimit: 100,
      Init: true,
    });
    expect(create.HostConfig!.Ulimits).toEqual(
      expect.arrayContaining([
        { Name: 'stack', Soft: 67108864, Hard: 67108864 },
        { Name: 'nofile', Soft: 1024, Hard: 4096 },
      ]),
    );
  });

  it('mounts binds, volumes, tmpfs and file secrets/configs like the trace', async () => {
    const { project, app } = await specs();
    const dir = project.workingDir;
    expect(app.create.HostConfig!.Binds).toEqual([`${dir}/cfgdir:/cfg:ro`, `${dir}/cfgdir:/cfg2:rw`]);
    expect(app.create.HostConfig!.Mounts).toEqual(
      expect.arrayContaining([
        { Type: 'volume', Source: 'research-full_data', Target: '/data', VolumeOptions: { NoCopy: true } },
        { Type: 'tmpfs', Target: '/scratch', TmpfsOptions: { SizeBytes: 67108864, Mode: 1777 } },
        { Type: 'volume', Target: '/anon', VolumeOptions: {} },
        { Type: 'bind', Source: `${dir}/db_password.txt`, Target: '/run/secrets/db_password', ReadOnly: true },
        { Type: 'bind', Source: `${dir}/db_password.txt`, Target: '/run/secrets/custom_pw', ReadOnly: true },
        { Type: 'bind', Source: `${dir}/app.conf`, Target: '/app_conf', ReadOnly: true },
        { Type: 'bind', Source: `${dir}/app.conf`, Target: '/etc/app.conf', ReadOnly: true },
      ]),
    );
    expect(app.create.HostConfig!.Mounts).toHaveLength(7);
  });

  it('joins the first network at create time and the others after, with Compose aliases', async () => {
    const { app, peer } = await specs();
    expect(app.create.HostConfig!.NetworkMode).toBe('research-full_back');
    expect(app.create.NetworkingConfig).toEqual({
      EndpointsConfig: { 'research-full_back': { Aliases: ['research-full-app-1', 'app'] } },
    });
    expect(app.laterEndpoints).toEqual([
      ['research-full_front', { Aliases: ['research-full-app-1', 'app', 'app-alias'] }],
    ]);
    expect(peer.create.HostConfig).toMatchObject({
      NetworkMode: `container:${APP_ID}`,
      IpcMode: `container:${APP_ID}`,
      RestartPolicy: { Name: 'always' },
    });
    expect(peer.create.NetworkingConfig).toBeUndefined();
  });

  it('turns GPU reservations and gpus: into DeviceRequests', async () => {
    const project = await projectFrom(`
services:
  all:
    image: x
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: all, capabilities: [gpu]}]}}}
  ids:
    image: x
    deploy: {resources: {reservations: {devices: [{driver: nvidia, device_ids: ["0", "GPU-abc"], capabilities: [gpu, utility], options: {a: b}}]}}}
  nocount:
    image: x
    deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}
  two:
    image: x
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 2, capabilities: [gpu]}]}}}
  g:
    image: x
    gpus: all
  rt:
    image: x
    runtime: nvidia
`);
    const requests = (service: string) => deviceRequests(serviceOf(project, service));
    expect(requests('all')).toEqual([{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']], Options: {} }]);
    expect(requests('ids')).toEqual([
      {
        Driver: 'nvidia',
        Count: 0,
        DeviceIDs: ['0', 'GPU-abc'],
        Capabilities: [['gpu', 'utility']],
        Options: { a: 'b' },
      },
    ]);
    expect(requests('nocount')).toEqual([{ Driver: '', Count: -1, Capabilities: [['gpu']], Options: {} }]);
    expect(requests('two')[0]!.Count).toBe(2);
    expect(requests('g')).toEqual([{ Driver: '', Count: -1, Capabilities: [['gpu']], Options: {} }]);
    const rt = containerSpec({ project, service: 'rt', number: 1, imageId: 'i', containerIdOf: () => '' });
    expect(rt.create.HostConfig!.Runtime).toBe('nvidia');
    expect(rt.create.HostConfig!.DeviceRequests).toBeUndefined();
  });
});
