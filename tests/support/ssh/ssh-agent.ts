import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayAgent {
  /** For SSH_AUTH_SOCK. */
  socketPath: string;
  /** Loads a private key file (no passphrase) into the agent. */
  add(keyPath: string): void;
  /** Forgets every key, as `ssh-add -D`. */
  removeAll(): void;
  /** Stops the agent (the process this helper started) and removes its directory. */
  dispose(): Promise<void>;
}

/** A private `ssh-agent -D` bound to a socket in a temp dir, so tests never touch the user's agent. */
export async function startThrowawayAgent(): Promise<ThrowawayAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-agent-'));
  const socketPath = join(dir, 'agent.sock');
  const child: ChildProcess = spawn('ssh-agent', ['-D', '-a', socketPath], { stdio: 'ignore' });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const deadline = Date.now() + 5_000;
  while (!existsSync(socketPath)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('ssh-agent did not create its socket');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sshAdd = (args: string[]) =>
    execFileSync('ssh-add', args, { env: { ...process.env, SSH_AUTH_SOCK: socketPath }, stdio: 'pipe' });
  return {
    socketPath,
    add: (keyPath) => sshAdd([keyPath]),
    removeAll: () => sshAdd(['-D']),
    async dispose() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
