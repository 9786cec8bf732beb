import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_IMAGE } from '../require-engine';

export interface PrivatePodman {
  socketPath: string;
  /** `unix://<socketPath>`, for DOCKER_HOST. */
  dockerHost: string;
  logPath: string;
  /** Runs the podman CLI against this private store (for checks the API doesn't offer). */
  podman(args: string[]): string;
  /** Stops the API service, removes every container and image of the private store, and its directory. */
  dispose(): Promise<void>;
}

/** Why a private Podman can't run here, or null when it can. */
export function privatePodmanUnsupportedReason(): string | null {
  if (process.getuid?.() !== 0) return 'the private Podman service runs as root';
  try {
    execFileSync('podman', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'podman is not installed';
  }
  return null;
}

/**
 * `podman system service` on a socket of its own, with its own storage root, run root, containers.conf and CNI
 * config dir, so it shares nothing with the machine's Podman or Docker. The test image is copied in from the
 * Docker engine (`docker save | podman load`), under the same short name.
 */
export async function startPrivatePodman(): Promise<PrivatePodman> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-podman-'));
  const socketPath = join(dir, 'podman.sock');
  const logPath = join(dir, 'service.log');
  const cniDir = join(dir, 'cni');
  mkdirSync(cniDir);
  // This machine's hard limits are lower than Podman's defaults (nofile 1048576), which runc then cannot set.
  writeFileSync(
    join(dir, 'containers.conf'),
    [
      '[containers]',
      'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]',
      '[network]',
      `network_config_dir = "${cniDir}"`,
      '',
    ].join('\n'),
  );
  const env = { ...process.env, CONTAINERS_CONF: join(dir, 'containers.conf') };
  const base = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--tmpdir', join(dir, 'tmp')];
  const podman = (args: string[]) =>
    execFileSync('podman', [...base, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  const logFd = openSync(logPath, 'a');
  const child: ChildProcess = spawn('podman', [...base, 'system', 'service', '--time=0', `unix://${socketPath}`], {
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 20_000;
  while (!existsSync(socketPath)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`podman system service did not start: ${readFileSync(logPath, 'utf8').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const archive = join(dir, 'image.tar');
  execFileSync('docker', ['save', '-o', archive, TEST_IMAGE]);
  podman(['load', '-i', archive]);
  rmSync(archive);

  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    logPath,
    podman,
    async dispose() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      // Stops what the tests left running (conmon processes), then unmounts and empties the store.
      for (const args of [
        ['rm', '--all', '--force', '--time', '0'],
        ['system', 'reset', '--force'],
      ]) {
        try {
          podman(args);
        } catch (error) {
          console.warn(`[podman] ${args.join(' ')} failed: ${(error as Error).message}`);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
