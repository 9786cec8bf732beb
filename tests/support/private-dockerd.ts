import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createDockerClient } from '../../src/main/services/docker/docker-client';

export interface PrivateDockerdOptions {
  /** Registered in daemon.json, e.g. `{ nvidia: { path: '/usr/bin/true' } }`. */
  runtimes?: Record<string, { path: string; runtimeArgs?: string[] }>;
  /** Labels the temp dir and the containerd namespaces; letters, digits and dashes. */
  name?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /**
   * A network namespace (`/proc/<pid>/ns/net`) to run dockerd in, bridge included: a swarm engine needs one of its
   * own (see tests/support/swarm). Without it dockerd shares the host's network namespace.
   */
  networkNamespace?: string;
  /** More daemon.json settings, e.g. `{ 'node-generic-resources': ['NVIDIA-GPU=GPU-1'] }`. */
  daemonConfig?: Record<string, unknown>;
  /** More dockerd flags, e.g. a TLS listener (`--host=tcp://127.0.0.1:PORT --tlsverify …`, see tests/support/tls). */
  extraArgs?: string[];
}

export interface PrivateDockerd {
  socketPath: string;
  /** `unix://<socketPath>`, for DOCKER_HOST. */
  dockerHost: string;
  /** The dockerd process id while it runs, else undefined. */
  readonly pid: number | undefined;
  logPath: string;
  /** Starts dockerd again after `stop()`, with the same data root. Resolves once it answers a ping. */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after `stopTimeoutMs`; resolves once dockerd has exited. Idempotent. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops dockerd and removes every temp dir. Call it in afterAll. */
  dispose(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_STOP_TIMEOUT_MS = 15_000;
const SBIN_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin'];

/** Why a private dockerd can't run here (not root, no dockerd binary), or null when it can. */
export function privateDockerdUnsupportedReason(): string | null {
  if (process.getuid?.() !== 0) return 'a private dockerd needs root';
  if (!findDockerd()) return 'no dockerd binary on PATH or in /usr/sbin';
  return null;
}

/**
 * For `describe.skipIf`: true when a private dockerd can't run here, after saying why. With BERTH_REQUIRE_DOCKER=1
 * it is false, so the suite fails instead of skipping, as `requireEngine` does.
 */
export function skipWithoutPrivateDockerd(): boolean {
  const reason = privateDockerdUnsupportedReason();
  if (reason === null || process.env.BERTH_REQUIRE_DOCKER === '1') return false;
  console.warn(`[integration] skipped: ${reason}; set BERTH_REQUIRE_DOCKER=1 to fail instead.`);
  return true;
}

/**
 * Runs a second dockerd, a child of the test process, beside the machine's engine. It shares nothing with it:
 * its own data root, exec root (so its own managed containerd, socket and state), pidfile, socket and containerd
 * namespaces, and a bridge of its own (created here, deleted on dispose); it changes no iptables or forwarding.
 */
export async function startPrivateDockerd(options: PrivateDockerdOptions = {}): Promise<PrivateDockerd> {
  const dockerdPath = findDockerd();
  if (!dockerdPath) throw new Error('startPrivateDockerd: no dockerd binary found');
  const name = (options.name ?? 'private').replace(/[^A-Za-z0-9-]/g, '-');
  // Short path: the managed containerd's socket lives under the exec root, and unix socket paths max out at 108 bytes.
  const root = mkdtempSync(join(tmpdir(), `berth-${name}-`));
  const socketPath = join(root, 'docker.sock');
  const logPath = join(root, 'dockerd.log');
  const configPath = join(root, 'daemon.json');
  const execRoot = join(root, 'exec');
  const daemonConfig = {
    // dockerd 20.10 takes `/info`'s ID from /etc/docker/key.json whatever its data root: a key of its own gives this
    // engine an ID of its own, as another host's engine has (Berth tells engines apart by it).
    'deprecated-key-path': join(root, 'key.json'),
    ...(options.runtimes ? { runtimes: options.runtimes } : {}),
    ...options.daemonConfig,
  };
  writeFileSync(configPath, JSON.stringify(daemonConfig, null, 2));
  const inNamespace = namespaceCommand(options.networkNamespace);
  const network = createPrivateBridge(inNamespace);

  const args = [
    `--data-root=${join(root, 'data')}`,
    `--exec-root=${execRoot}`,
    `--pidfile=${join(root, 'docker.pid')}`,
    `--host=unix://${socketPath}`,
    `--config-file=${configPath}`,
    `--containerd-namespace=berth-${name}`,
    `--containerd-plugins-namespace=berth-${name}-plugins`,
    // Never `--bridge=none`: dockerd 20.10 then deletes the host's docker0, breaking the main engine's default network.
    `--bridge=${network.bridge}`,
    `--default-address-pool=base=${network.addressPool},size=24`,
    '--iptables=false',
    '--ip-forward=false',
    '--storage-driver=vfs',
    ...(options.extraArgs ?? []),
  ];
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    if (child) return;
    // On a restart dockerd deletes the stale default network it finds in its network store, and with it the
    // host's docker0 (the main engine's bridge). A fresh network store each start avoids that.
    rmSync(join(root, 'data', 'network'), { recursive: true, force: true });
    const logFd = openSync(logPath, 'a');
    const { DOCKER_HOST: _host, DOCKER_CONTEXT: _context, ...env } = process.env;
    const [command, ...commandArgs] = inNamespace([dockerdPath, ...args]);
    const spawned = spawn(command!, commandArgs, { stdio: ['ignore', logFd, logFd], env });
    closeSync(logFd);
    child = spawned;
    exited = new Promise((resolve) =>
      spawned.once('exit', () => {
        if (child === spawned) child = null;
        resolve();
      }),
    );
    try {
      await waitForPing(socketPath, spawned, startTimeoutMs);
    } catch (error) {
      await stop();
      throw new Error(`${(error as Error).message}\n--- ${logPath} (tail) ---\n${logTail(logPath)}`);
    }
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    running.kill('SIGTERM');
    const stoppedInTime = await settlesWithin(exited, stopTimeoutMs);
    if (!stoppedInTime) {
      running.kill('SIGKILL');
      await exited;
      // SIGKILL leaves dockerd's managed containerd behind; it wrote its pid under the exec root.
      killPidFromFile(join(execRoot, 'containerd', 'containerd.pid'));
    }
  };

  const dispose = async () => {
    await stop();
    process.removeListener('exit', killOnExit);
    network.remove();
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    get pid() {
      return child?.pid;
    },
    logPath,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose,
  };
}

async function waitForPing(socketPath: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const docker = createDockerClient({ transport: 'unix', socketPath });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`private dockerd exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      await docker.ping();
      return;
    } catch (error) {
      lastError = error;
      await delay(50);
    }
  }
  throw new Error(`private dockerd did not answer on ${socketPath} within ${timeoutMs} ms: ${String(lastError)}`);
}

function findDockerd(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN_DIRS];
  return dirs.map((dir) => join(dir, 'dockerd')).find((path) => isExecutable(path));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function killPidFromFile(path: string): void {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // No pid file or the process is already gone: nothing left to kill.
  }
}

function logTail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface PrivateBridge {
  bridge: string;
  /** A /16 for the private engine's user-defined networks, apart from the main engine's 172.x pools. */
  addressPool: string;
  remove(): void;
}

type CommandWrapper = (command: string[]) => string[];

/** Runs a command in `namespace` through nsenter (which execs it: the pid stays the command's), or as it is. */
function namespaceCommand(namespace: string | undefined): CommandWrapper {
  return namespace ? (command) => ['nsenter', `--net=${namespace}`, '--', ...command] : (command) => command;
}

/** A bridge of the private engine's own, on a random 10.x subnet, so it shares no interface with the main engine. */
function createPrivateBridge(inNamespace: CommandWrapper): PrivateBridge {
  const suffix = randomBytes(3).toString('hex');
  const bridge = `berthp${suffix}`;
  const second = 100 + (randomBytes(1)[0]! % 100);
  const third = randomBytes(1)[0]! % 250;
  const ip = (...args: string[]) => {
    const [command, ...commandArgs] = inNamespace(['ip', ...args]);
    execFileSync(command!, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  ip('link', 'add', bridge, 'type', 'bridge');
  try {
    ip('addr', 'add', `10.${second}.${third}.1/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
  } catch (error) {
    ip('link', 'delete', bridge);
    throw error;
  }
  let removed = false;
  return {
    bridge,
    addressPool: `10.${(second + 100) % 256}.0.0/16`,
    remove() {
      if (removed) return;
      removed = true;
      try {
        ip('link', 'delete', bridge);
      } catch {
        // Already gone (the machine's network was reset); nothing to clean.
      }
    },
  };
}
