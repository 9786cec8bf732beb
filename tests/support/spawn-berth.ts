import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
const BERTH_BIN = path.join(REPO_ROOT, 'bin', 'berth.js');

export interface BerthRun {
  /** The exit code; null only when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  durationMs: number;
}

export interface RunBerthOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is closed at once. */
  input?: string;
  /** The process must have exited by then, or the run fails (and the process is killed). Default 30 s. */
  exitWithinMs?: number;
  /** Called with the process once it is spawned (to signal it, or watch its output while it runs). */
  onSpawn?: (child: ChildProcessWithoutNullStreams) => void;
}

/**
 * Runs the built `berth` (bin/berth.js → out/main/cli.js, as a user runs it) as a child process and resolves when it
 * exits. Rejects when it has not exited within `exitWithinMs`: a CLI command that never exits is a bug, not a wait.
 */
export function runBerth(args: string[], options: RunBerthOptions = {}): Promise<BerthRun> {
  if (!existsSync(path.join(REPO_ROOT, 'out', 'main', 'cli.js'))) {
    return Promise.reject(new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).'));
  }
  const exitWithinMs = options.exitWithinMs ?? 30_000;
  const started = performance.now();
  const child = spawn(process.execPath, ['--', BERTH_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.input ?? '');
  options.onSpawn?.(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `berth ${args.join(' ')} did not exit within ${exitWithinMs} ms\n` +
            `stdout: ${Buffer.concat(stdout).toString().slice(-2000)}\nstderr: ${Buffer.concat(stderr).toString().slice(-2000)}`,
        ),
      );
    }, exitWithinMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        durationMs: performance.now() - started,
      });
    });
  });
}
