import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PrivateSshdOptions {
  /** Session environment (sshd `SetEnv`), e.g. `DOCKER_HOST` pointing `docker system dial-stdio` at a private engine. */
  setEnv?: Record<string, string>;
  /** Lines added to sshd_config as they are. */
  extraConfig?: string[];
  /** Keeps the same port across restarts; a free one by default. */
  port?: number;
  /** Who logs in (the URL's user); the current user by default. Another user must exist (see unprivilegedUser). */
  user?: string;
}

export interface PrivateSshd {
  host: '127.0.0.1';
  readonly port: number;
  /** The user the tests log in as (the current one). */
  user: string;
  /** `ssh://user@127.0.0.1:port`, for DOCKER_HOST. */
  url: string;
  dir: string;
  /** `ssh-ed25519 AAAA…` of the server's host key. */
  hostPublicKey: string;
  /** A passphrase-less ed25519 key that authorized_keys accepts. */
  clientKeyPath: string;
  /** A second key the server does not accept. */
  strangerKeyPath: string;
  /** sshd's log (LogLevel VERBOSE): counts connections and sessions. */
  logPath: string;
  /** The line a known_hosts file needs to trust this server. */
  knownHostsLine(): string;
  /** Counts `Accepted publickey` (connections) and `Starting session` (channels running a command) in the log. */
  sessionCounts(): { connections: number; sessions: number };
  start(): Promise<void>;
  /** Stops the listener and every connection it accepted (so clients see their connection drop). */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * An OpenSSH server on 127.0.0.1 with its own host key, config and authorized_keys, key-only auth, run as a child of
 * the test process. It logs in the current user (root in CI), whose `docker` (on sshd's default PATH) runs
 * `docker system dial-stdio` against the engine that `setEnv.DOCKER_HOST` names.
 */
export async function startPrivateSshd(options: PrivateSshdOptions = {}): Promise<PrivateSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-sshd-'));
  const keygen = (path: string, comment: string) =>
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: 'ignore' });
  const hostKey = join(dir, 'host_ed25519');
  const clientKeyPath = join(dir, 'client_ed25519');
  const strangerKeyPath = join(dir, 'stranger_ed25519');
  keygen(hostKey, 'berth-test-host');
  keygen(clientKeyPath, 'berth-test-client');
  keygen(strangerKeyPath, 'berth-test-stranger');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKeyPath}.pub`), { mode: 0o644 });
  // sshd reads authorized_keys as the user logging in, who may not be root.
  chmodSync(dir, 0o755);
  // sshd refuses to start without its privilege separation directory (systemd usually makes it).
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const port = options.port ?? (await freePort());
  const logPath = join(dir, 'sshd.log');
  const configPath = join(dir, 'sshd_config');
  const setEnv = Object.entries(options.setEnv ?? {}).map(([key, value]) => `SetEnv ${key}=${value}`);
  writeFileSync(
    configPath,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'AuthenticationMethods publickey',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      'LogLevel VERBOSE',
      'AllowTcpForwarding yes',
      'AllowStreamLocalForwarding yes',
      'MaxSessions 64',
      'MaxStartups 64',
      ...setEnv,
      ...(options.extraConfig ?? []),
      '',
    ].join('\n'),
  );

  let child: ChildProcess | null = null;
  const killOnExit = () => {
    for (const pid of child?.pid ? descendants(child.pid).filter((pid) => commandName(pid) === 'sshd') : [])
      tryKill(pid);
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const start = async () => {
    if (child) return;
    const logFd = openSync(logPath, 'a');
    const spawned = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', configPath], { stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    child = spawned;
    spawned.once('exit', () => {
      if (child === spawned) child = null;
    });
    await waitForListener(port, spawned, logPath);
  };

  const stop = async () => {
    const running = child;
    if (!running?.pid) return;
    // Each accepted connection is its own sshd process (in its own session); ending the listener leaves them.
    // Only those sshd processes are killed: the connection drops at once, and the user's processes (a login
    // shell's pyenv rehash holding its lock, say) see it close and finish on their own instead of dying mid-way.
    const sessions = descendants(running.pid).filter((pid) => commandName(pid) === 'sshd');
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    for (const pid of sessions) tryKill(pid);
    await exited;
  };

  await start();
  const user = options.user ?? userInfo().username;
  const hostPublicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  return {
    host: '127.0.0.1',
    port,
    user,
    url: `ssh://${user}@127.0.0.1:${port}`,
    dir,
    hostPublicKey,
    clientKeyPath,
    strangerKeyPath,
    logPath,
    knownHostsLine: () => `[127.0.0.1]:${port} ${hostPublicKey}`,
    sessionCounts() {
      const log = readFileSync(logPath, 'utf8');
      return {
        connections: (log.match(/Accepted publickey/g) ?? []).length,
        sessions: (log.match(/Starting session:/g) ?? []).length,
      };
    },
    start,
    stop,
    async dispose() {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on right now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForListener(port: number, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited early: ${readFileSync(logPath, 'utf8').slice(-2000)}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (listening) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port}: ${readFileSync(logPath, 'utf8').slice(-2000)}`);
}

/** Every process below `pid`, read from /proc (children first found, then theirs). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we read.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The account without docker access that `provision/ssh-test-user.sh` creates (run here when it is missing). */
export function unprivilegedUser(): string {
  const name = process.env.BERTH_SSH_TEST_USER ?? 'berth-ssh-user';
  execFileSync('bash', [join(__dirname, '..', 'provision', 'ssh-test-user.sh')], {
    env: { ...process.env, BERTH_SSH_TEST_USER: name },
    stdio: 'ignore',
  });
  return name;
}

/**
 * For `describe.skipIf`: true when a private sshd can't run here (it needs root for its privilege separation
 * directory, and the sshd binary), after saying why. With BERTH_REQUIRE_DOCKER=1 it is false: the suite fails.
 */
export function skipWithoutSshd(): boolean {
  let reason: string | null = null;
  if (process.getuid?.() !== 0) reason = 'the private sshd runs as root';
  else if (!existsSync('/usr/sbin/sshd')) reason = 'no /usr/sbin/sshd (apt-get install openssh-server)';
  if (reason === null || process.env.BERTH_REQUIRE_DOCKER === '1') return false;
  console.warn(`[integration] skipped: ${reason}; set BERTH_REQUIRE_DOCKER=1 to fail instead.`);
  return true;
}
