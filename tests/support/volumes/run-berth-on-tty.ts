import path from 'node:path';

const BERTH_BIN = path.resolve(__dirname, '../../../bin/berth.js');

export interface TtyRun {
  code: number;
  /** What the terminal received, stdout and stderr together, as bytes. */
  output: Buffer;
}

/**
 * Runs the built `berth` with its stdout and stderr on a pseudo-terminal (node-pty), as a person at a terminal
 * would; rejects (killing it) when it has not exited within `exitWithinMs`.
 */
export async function runBerthOnTty(args: string[], env: NodeJS.ProcessEnv, exitWithinMs = 30_000): Promise<TtyRun> {
  const { spawn } = await import('node-pty');
  const child = spawn(process.execPath, [BERTH_BIN, ...args], {
    cols: 200,
    rows: 50,
    env: env as Record<string, string>,
    encoding: null,
  } as Parameters<typeof spawn>[2]);
  const chunks: Buffer[] = [];
  child.onData((data: string | Buffer) => chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(data, 'binary')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`berth ${args.join(' ')} did not exit within ${exitWithinMs} ms on a TTY`));
    }, exitWithinMs);
    child.onExit(({ exitCode }) => {
      clearTimeout(timer);
      // The last output can arrive just after the exit event.
      setTimeout(() => resolve({ code: exitCode, output: Buffer.concat(chunks) }), 100);
    });
  });
}
