import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateDockerd, type PrivateDockerd } from '../private-dockerd';
import { FIXTURES_DIR } from '../gpu/fixtures';
import { loadImage } from '../tls/tls-engine';

/** Real captures of one H200 host (driver 580.159.04, CUDA 13.0). */
export const LIVE_CAPTURES = join(
  FIXTURES_DIR,
  'nvidia-smi',
  'live',
  readdirSafe(join(FIXTURES_DIR, 'nvidia-smi', 'live'))[0] ?? '',
);
export const STAND_IN_IMAGE = 'berth-test-nvidia-smi:latest';
export const GLIBC_IMAGE = 'berth-test-glibc:latest';

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Builds (on the machine's engine) the GPU helper stand-in: the glibc test image with a shell-script nvidia-smi
 * that answers from the live H200 captures. Provisions the glibc image first when it is missing.
 */
export function buildStandInImage(): void {
  execFileSync('bash', [join(__dirname, '..', 'provision', 'glibc-image.sh')], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'berth-stand-in-'));
  try {
    const busy = readFileSync(join(LIVE_CAPTURES, 'busy-query-gpu-compute-apps-pmon.txt'), 'utf8').split('\n');
    writeFileSync(join(dir, 'query-gpu.csv'), `${busy[1]}\n${busy[2]}\n`);
    writeFileSync(join(dir, 'compute-apps.csv'), `${busy[3]}\n${busy[4]}\n`);
    copyFileSync(join(LIVE_CAPTURES, 'smi-q-busy.xml'), join(dir, 'smi-q.xml'));
    copyFileSync(join(__dirname, 'nvidia-smi.sh'), join(dir, 'nvidia-smi'));
    chmodSync(join(dir, 'nvidia-smi'), 0o755);
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${GLIBC_IMAGE}\nCOPY query-gpu.csv compute-apps.csv smi-q.xml /fixtures/\nCOPY nvidia-smi /usr/local/bin/nvidia-smi\n`,
    );
    execFileSync('docker', ['build', '-q', '-t', STAND_IN_IMAGE, dir], {
      stdio: 'ignore',
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface GpuEngine {
  dockerd: PrivateDockerd;
  dispose(): Promise<void>;
}

/**
 * A private dockerd that accepts GPU requests as a host with the NVIDIA Container Toolkit does: an `nvidia` runtime
 * registered, and `nvidia-container-runtime-hook` on its PATH (dockerd then registers its "nvidia" device driver and
 * adds the hook to GPU containers). The hook is a stand-in that does nothing; the stand-in image brings nvidia-smi.
 */
export async function startGpuEngine(images: string[]): Promise<GpuEngine> {
  const bin = mkdtempSync(join(tmpdir(), 'berth-nvidia-hook-'));
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'nvidia-container-runtime-hook'), '#!/bin/sh\ncat >/dev/null\nexit 0\n', { mode: 0o755 });
  const savedPath = process.env.PATH;
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
  let dockerd: PrivateDockerd;
  try {
    dockerd = await startPrivateDockerd({ name: 'gpu', runtimes: { nvidia: { path: 'runc' } } });
  } finally {
    process.env.PATH = savedPath;
  }
  for (const image of images) await loadImage(dockerd.socketPath, image);
  return {
    dockerd,
    async dispose() {
      await dockerd.dispose();
      rmSync(bin, { recursive: true, force: true });
    },
  };
}
