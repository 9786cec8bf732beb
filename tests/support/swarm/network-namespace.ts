import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readlinkSync } from 'node:fs';

/** A network namespace of its own, held open by a sleeping child process (`unshare --net`). */
export interface NetworkNamespace {
  /** `/proc/<pid>/ns/net`, for `nsenter --net=` and `PrivateDockerdOptions.networkNamespace`. */
  path: string;
  /** Runs a command inside the namespace and returns its stdout. */
  run(command: string[]): string;
  /** Kills the holder; the namespace goes away once nothing else lives in it. Idempotent. */
  dispose(): Promise<void>;
}

const READY_TIMEOUT_MS = 5_000;

/** Starts the holder, waits until it sits in a new namespace, and brings up loopback there. */
export async function createNetworkNamespace(): Promise<NetworkNamespace> {
  const holder: ChildProcess = spawn('unshare', ['--net', 'sleep', 'infinity'], { stdio: 'ignore' });
  const killOnExit = () => holder.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  const dispose = async () => {
    process.removeListener('exit', killOnExit);
    if (holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    await exited;
  };
  try {
    const path = await namespaceOf(holder);
    const run = (command: string[]) =>
      execFileSync('nsenter', [`--net=${path}`, '--', ...command], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    run(['ip', 'link', 'set', 'lo', 'up']);
    return { path, run, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `unshare` switches namespaces just after it starts: wait until the holder's namespace differs from ours. */
async function namespaceOf(holder: ChildProcess): Promise<string> {
  const ours = readlinkSync('/proc/self/ns/net');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const path = `/proc/${holder.pid}/ns/net`;
  while (Date.now() < deadline) {
    if (holder.exitCode !== null) throw new Error(`unshare --net exited with ${holder.exitCode}`);
    try {
      if (readlinkSync(path) !== ours) return path;
    } catch {
      // Not there yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('unshare --net did not enter a new network namespace in time');
}
