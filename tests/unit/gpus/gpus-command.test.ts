import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { GpuOverviewSchema } from '@shared/schemas/gpu';
import { createGpusCommand } from '../../../src/main/cli/commands/gpus';
import { GpuService } from '../../../src/main/services/gpus/gpu-service';
import type { GpuDockerAccess } from '../../../src/main/services/gpus/docker-access';
import type { CliContext } from '../../../src/main/cli/command';
import { captureRunner } from '../../support/gpu/capture-tools';
import { fixtureDir } from '../../support/gpu/fixtures';

const nvidiaDir = fixtureDir('nvidia-smi');
const H100 = 'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01';
const CONTAINER_ID = 'c'.repeat(64);

// A fake /proc where the capture's first process (PID 11327, memhog) runs in the compose container.
const procRoot = mkdtempSync(join(tmpdir(), 'berth-proc-'));
mkdirSync(join(procRoot, '11327'));
writeFileSync(join(procRoot, '11327', 'cgroup'), `0::/system.slice/docker-${CONTAINER_ID}.scope\n`);
afterAll(() => rmSync(procRoot, { recursive: true, force: true }));

function context(): CliContext & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return { cwd: '/', env: {}, stdout, stderr, isTty: false, out: () => out, err: () => err };
}

const fakeDocker: GpuDockerAccess = {
  info: async () => ({ Runtimes: { runc: {}, nvidia: {} }, DefaultRuntime: 'runc', OperatingSystem: 'Ubuntu 24.04' }),
  listContainers: async () => [
    {
      id: CONTAINER_ID,
      name: '/llm-vllm-1',
      labels: { 'com.docker.compose.project': 'llm', 'com.docker.compose.service': 'vllm' },
      running: true,
    },
  ],
  deviceRequests: async () => [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] }],
};

function command(docker: GpuDockerAccess | null) {
  const { runner } = captureRunner(nvidiaDir!, H100, 'telegraf__a100-sxm4-v12.xml');
  return createGpusCommand({
    createService: () =>
      new GpuService({
        runner,
        platform: 'linux',
        nvidiaSmiPath: '/usr/bin/nvidia-smi',
        rocmSmiPath: null,
        sysRoot: '/nonexistent',
        nvidiaToolkitOnHost: null,
        procRoot,
      }),
    connect: async () =>
      docker
        ? { docker, engineIsLocal: true }
        : { docker: null, engineIsLocal: true, reason: 'no Docker engine answered (connect ENOENT).' },
  });
}

describe.skipIf(!nvidiaDir)('berth gpus', () => {
  it('prints GPUs, live readings, the verdict and the requests', async () => {
    const ctx = context();
    expect(await command(fakeDocker).run([], ctx)).toBe(0);
    const out = ctx.out();
    expect(out).toMatch(/0 {2}NVIDIA H100 80GB HBM3 {2}\[nvidia\] {2}81559 MiB, driver 590.48.01, compute 9.0/);
    expect(out).toMatch(/utilization 100 %, memory 19818\/81559 MiB, 59 °C, power 631.95\/700 W/);
    expect(out).toMatch(/Containers can use GPUs: yes\n {2}because: The "nvidia" runtime is registered/);
    expect(out).toMatch(/llm\/vllm: all GPUs \(running\)/);
    expect(out).toMatch(/used by llm\/vllm: 2566 MiB \(1 process\)/);
    expect(out).toMatch(/used outside compose: 17232 MiB/);
  });

  it('prints a schema-valid overview with --json', async () => {
    const ctx = context();
    expect(await command(fakeDocker).run(['--json'], ctx)).toBe(0);
    const overview = GpuOverviewSchema.parse(JSON.parse(ctx.out()));
    expect(overview.inventory.gpus[0]!.metrics?.utilizationPercent).toBe(100);
    expect(overview.usage[0]!.processes.map((process) => process.pid)).toEqual([11327, 11328, 11345]);
    expect(overview.requests).toEqual([
      {
        project: 'llm',
        service: 'vllm',
        count: 'all',
        deviceIds: [],
        driver: 'nvidia',
        capabilities: ['gpu'],
        running: true,
      },
    ]);
  });

  it('still lists GPUs when no engine answers', async () => {
    const ctx = context();
    expect(await command(null).run([], ctx)).toBe(0);
    expect(ctx.out()).toMatch(
      /Containers can use GPUs: unknown\n {2}because: no Docker engine answered \(connect ENOENT\)/,
    );
  });

  it('rejects unknown options', async () => {
    const ctx = context();
    expect(await command(fakeDocker).run(['--yaml'], ctx)).toBe(2);
    expect(ctx.err()).toMatch(/unknown option --yaml/);
  });
});
