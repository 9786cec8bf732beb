import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Docker from 'dockerode';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { startPrivateDockerd, type PrivateDockerd } from '../private-dockerd';
import { createNetworkNamespace, type NetworkNamespace } from './network-namespace';

export interface SwarmEngineOptions {
  /** Labels the temp dir and containerd namespaces (a random suffix is added). */
  name: string;
  /** Images copied from the main engine (`docker save | docker load`): a namespace engine has no route out. */
  images?: string[];
  /** The main engine the images come from. */
  source?: Docker;
  /** `node-generic-resources` of the node, e.g. `['NVIDIA-GPU=GPU-0a1b']`. */
  genericResources?: string[];
  /** Join this manager as a worker instead of initialising a swarm. */
  join?: { managerAddress: string; token: string };
  /** Address the engine listens on and advertises; 127.0.0.1 for a lone node. */
  advertiseAddress?: string;
  /** Set up the namespace's links (a veth end, its address) before dockerd starts. */
  prepareNamespace?(namespace: NetworkNamespace): void;
}

export interface SwarmEngine {
  docker: Docker;
  /** `unix://…`, for DOCKER_HOST of the docker CLI and `berth`. */
  dockerHost: string;
  dockerd: PrivateDockerd;
  namespace: NetworkNamespace;
  nodeId: string;
  /** Leaves nothing behind: tasks, dockerd and its containerd shims, mounts, dirs, bridge and namespace. */
  dispose(): Promise<void>;
}

/**
 * A one-node swarm (or a worker joining one) on a private dockerd in a network namespace of its own, so the swarm's
 * bridges, VXLAN and ingress sandbox never touch the engine the other tests use.
 */
export async function startSwarmEngine(options: SwarmEngineOptions): Promise<SwarmEngine> {
  const name = `${options.name}-${randomBytes(2).toString('hex')}`;
  const namespace = await createNetworkNamespace();
  let dockerd: PrivateDockerd | undefined;
  const dispose = async () => {
    if (dockerd) await stopSwarmDockerd(dockerd, name);
    await namespace.dispose();
  };
  try {
    options.prepareNamespace?.(namespace);
    dockerd = await startPrivateDockerd({
      name,
      networkNamespace: namespace.path,
      daemonConfig: options.genericResources ? { 'node-generic-resources': options.genericResources } : undefined,
    });
    const docker = createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath });
    const advertise = options.advertiseAddress ?? '127.0.0.1';
    if (options.join) {
      await docker.swarmJoin({
        ListenAddr: `${advertise}:2377`,
        AdvertiseAddr: advertise,
        RemoteAddrs: [options.join.managerAddress],
        JoinToken: options.join.token,
      });
    } else {
      await docker.swarmInit({ ListenAddr: `${advertise}:2377`, AdvertiseAddr: advertise });
    }
    if (options.images?.length && options.source) await copyImages(options.source, docker, options.images);
    const info = (await docker.info()) as { Swarm: { NodeID: string } };
    return { docker, dockerHost: dockerd.dockerHost, dockerd, namespace, nodeId: info.Swarm.NodeID, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * dockerd leaves swarm task containers (their containerd shims) and its mounts (network namespaces, secrets) behind
 * when it stops: end those of this engine, by its containerd namespace and data root, before its dirs go.
 */
async function stopSwarmDockerd(dockerd: PrivateDockerd, name: string): Promise<void> {
  await dockerd.stop();
  for (const pid of shimPidsOf(`berth-${name}`)) {
    for (const child of childPids(pid)) killQuietly(child);
    killQuietly(pid);
  }
  const root = dirname(dockerd.logPath);
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((point) => point.startsWith(`${root}/`))
    .sort()
    .reverse();
  for (const point of mounts) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore' });
    } catch {
      // Already gone with its parent.
    }
  }
  await dockerd.dispose();
}

function shimPidsOf(containerdNamespace: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const flag = args.indexOf('-namespace');
      if (args[0]?.endsWith('containerd-shim-runc-v2') && args[flag + 1] === containerdNamespace)
        pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function copyImages(source: Docker, target: Docker, images: string[]): Promise<void> {
  for (const image of images) {
    const archive = await source.getImage(image).get();
    const response = await target.loadImage(archive, { quiet: true });
    await new Promise<void>((resolve, reject) => {
      response.on('data', () => {});
      response.on('end', resolve);
      response.on('error', reject);
    });
  }
}
