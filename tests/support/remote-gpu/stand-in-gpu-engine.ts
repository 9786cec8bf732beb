import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngineClient } from '../../../src/main/services/docker/docker-client';
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

/**
 * Whether to skip for want of the H200 captures (../shared/fixtures). With BERTH_REQUIRE_DOCKER=1 (CI) a missing
 * capture fails the run instead of skipping it.
 */
export function skipWithoutLiveCaptures(): boolean {
  if (readdirSafe(join(FIXTURES_DIR, 'nvidia-smi', 'live')).length > 0 && existsSync(LIVE_CAPTURES)) return false;
  const reason = `no live nvidia-smi captures under ${join(FIXTURES_DIR, 'nvidia-smi', 'live')}`;
  if (process.env.BERTH_REQUIRE_DOCKER === '1') throw new Error(`BERTH_REQUIRE_DOCKER=1 but ${reason}`);
  console.warn(`[integration] skipped: ${reason}; set BERTH_REQUIRE_DOCKER=1 to fail instead.`);
  return true;
}
export const GLIBC_IMAGE = 'berth-test-glibc:latest';
const MACHINE_SOCKET = '/var/run/docker.sock';

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
 *
 * It must not pass for the machine's engine: over ssh Berth would then skip dial-stdio for a direct channel to
 * /var/run/docker.sock (see findDirectSocket), and every request would reach an engine with no NVIDIA runtime.
 */
export async function startGpuEngine(images: string[]): Promise<GpuEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-gpu-host-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'nvidia-container-runtime-hook'), '#!/bin/sh\ncat >/dev/null\nexit 0\n', { mode: 0o755 });
  const savedPath = process.env.PATH;
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
  let dockerd: PrivateDockerd;
  try {
    dockerd = await startPrivateDockerd({
      name: 'gpu',
      runtimes: { nvidia: { path: 'runc' } },
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    process.env.PATH = savedPath;
  }
  const dispose = async () => {
    await dockerd.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await assertOwnEngineId(dockerd.socketPath);
    for (const image of images) await loadImage(dockerd.socketPath, image);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dockerd, dispose };
}

/** Fails when the GPU engine answers with the machine engine's ID: Berth would then reach the wrong engine over ssh. */
async function assertOwnEngineId(socketPath: string): Promise<void> {
  const engineId = async (path: string) => {
    const client = createEngineClient({ transport: 'unix', socketPath: path });
    try {
      return ((await client.docker.info()) as { ID?: string }).ID;
    } finally {
      client.close();
    }
  };
  const [own, machine] = await Promise.all([engineId(socketPath), engineId(MACHINE_SOCKET)]);
  if (own === machine) {
    throw new Error(
      `The GPU engine answers with the machine engine's ID (${own}); give it a trust key of its own (deprecated-key-path).`,
    );
  }
}
