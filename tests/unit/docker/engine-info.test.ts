import { describe, expect, it } from 'vitest';
import {
  detectFlavor,
  toEngineInfo,
  type RawEngineInfo,
  type RawEngineVersion,
} from '../../../src/main/services/docker/engine-info';
import { EngineInfoSchema, type Endpoint } from '@shared/schemas/engine';

const dockerInfo: RawEngineInfo = {
  Name: 'gpu-box',
  ServerVersion: '20.10.24+dfsg1',
  OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  OSType: 'linux',
  Architecture: 'x86_64',
  KernelVersion: '6.1.0-13-amd64',
  Runtimes: { runc: { path: 'runc' }, nvidia: { path: 'nvidia-container-runtime' }, 'io.containerd.runc.v2': {} },
  DefaultRuntime: 'runc',
  NCPU: 16,
  MemTotal: 67_000_000_000,
  Containers: 5,
  ContainersRunning: 2,
  ContainersPaused: 1,
  ContainersStopped: 2,
  Images: 12,
  Driver: 'overlay2',
  Labels: [],
};

const dockerVersion: RawEngineVersion = {
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  Os: 'linux',
  Arch: 'amd64',
  Platform: { Name: '' },
  Components: [{ Name: 'Engine', Version: '20.10.24+dfsg1' }, { Name: 'containerd' }, { Name: 'runc' }],
};

const endpoint = (source: Endpoint['source']): Endpoint => ({
  kind: 'unix',
  address: 'unix:///x.sock',
  source,
  tls: false,
  local: true,
});

describe('toEngineInfo', () => {
  it('maps info and version into the shared shape', () => {
    const info = EngineInfoSchema.parse(toEngineInfo(dockerInfo, dockerVersion));
    expect(info).toEqual({
      name: 'gpu-box',
      serverVersion: '20.10.24+dfsg1',
      apiVersion: '1.41',
      os: 'Debian GNU/Linux 12 (bookworm)',
      osType: 'linux',
      architecture: 'x86_64',
      kernelVersion: '6.1.0-13-amd64',
      runtimes: ['io.containerd.runc.v2', 'nvidia', 'runc'],
      defaultRuntime: 'runc',
      cpus: 16,
      memoryBytes: 67_000_000_000,
      containers: { total: 5, running: 2, paused: 1, stopped: 2 },
      images: 12,
      storageDriver: 'overlay2',
      flavor: 'docker',
    });
  });

  it('fills gaps from version and defaults for engines that send less', () => {
    const info = EngineInfoSchema.parse(
      toEngineInfo({}, { Version: '4.9.0', ApiVersion: '1.41', Os: 'linux', Arch: 'arm64' }),
    );
    expect(info).toMatchObject({
      serverVersion: '4.9.0',
      osType: 'linux',
      architecture: 'arm64',
      runtimes: [],
      cpus: 0,
    });
  });
});

describe('detectFlavor', () => {
  it('recognizes Podman by its version components or platform', () => {
    const podmanVersion: RawEngineVersion = {
      ...dockerVersion,
      Platform: { Name: 'linux/amd64/fedora-39' },
      Components: [{ Name: 'Podman Engine', Version: '4.9.0' }, { Name: 'Conmon' }],
    };
    expect(detectFlavor({ ...dockerInfo, Name: 'fedora' }, podmanVersion)).toBe('podman');
    expect(detectFlavor(dockerInfo, { Platform: { Name: 'Podman Engine' } })).toBe('podman');
  });

  it('recognizes Docker Desktop by its operating system', () => {
    expect(detectFlavor({ ...dockerInfo, OperatingSystem: 'Docker Desktop' }, dockerVersion)).toBe('docker-desktop');
  });

  it('recognizes Colima by its host name, its labels or the socket it was found by', () => {
    expect(detectFlavor({ ...dockerInfo, Name: 'colima' }, dockerVersion)).toBe('colima');
    expect(detectFlavor({ ...dockerInfo, Name: 'colima-work' }, dockerVersion)).toBe('colima');
    expect(detectFlavor({ ...dockerInfo, Labels: ['dev.colima.profile=default'] }, dockerVersion)).toBe('colima');
    expect(detectFlavor(dockerInfo, dockerVersion, endpoint('colima'))).toBe('colima');
    expect(detectFlavor({ ...dockerInfo, Name: 'colimaxyz' }, dockerVersion)).toBe('docker');
  });

  it('trusts the socket it was found by for Podman and Docker Desktop', () => {
    expect(detectFlavor(dockerInfo, dockerVersion, endpoint('podman'))).toBe('podman');
    expect(detectFlavor(dockerInfo, dockerVersion, endpoint('docker-desktop'))).toBe('docker-desktop');
  });

  it('calls other Docker-compatible products and unknown engines "other"', () => {
    expect(detectFlavor({ ...dockerInfo, OperatingSystem: 'OrbStack' }, dockerVersion)).toBe('other');
    expect(detectFlavor({}, {})).toBe('other');
  });
});
