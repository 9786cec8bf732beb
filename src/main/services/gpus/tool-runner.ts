import { execFile, type ExecFileException } from 'node:child_process';
import { BerthError } from '@shared/errors';

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** Runs an external program without a shell. The GPU services take this interface so tests can fake the tools. */
export interface ToolRunOptions {
  timeoutMs: number;
  /**
   * False: may run beside other calls of the same program (one-off queries that answer fast, run together to save
   * time). Default true: waits for them (pollers, where a stuck driver must cost one process, not a pile).
   */
  queue?: boolean;
}

export interface ToolRunner {
  run(command: string, args: readonly string[], options: ToolRunOptions): Promise<ToolOutput>;
}

/** The program does not exist: a normal outcome on machines without that vendor's GPU. */
export class ToolMissingError extends BerthError {
  constructor(command: string, cause?: unknown) {
    super('E_NOT_FOUND', `${command} is not installed or not on PATH.`, { cause, details: { command } });
  }
}

/** Runs programs with `env` (the environment Berth was given, not necessarily this process's). */
export function createExecFileRunner(env: NodeJS.ProcessEnv): ToolRunner {
  return {
    run(command, args, { timeoutMs }) {
      return new Promise((resolve, reject) => {
        execFile(
          command,
          [...args],
          {
            env,
            timeout: timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: 32 * 1024 * 1024,
            windowsHide: true,
            encoding: 'utf8',
          },
          (error, stdout, stderr) => {
            if (!error) return resolve({ stdout, stderr });
            reject(describeFailure(command, timeoutMs, error, stdout, stderr));
          },
        );
      });
    },
  };
}

export const execFileRunner: ToolRunner = createExecFileRunner(process.env);

function describeFailure(
  command: string,
  timeoutMs: number,
  error: ExecFileException,
  stdout: string,
  stderr: string,
): BerthError {
  if (error.code === 'ENOENT') return new ToolMissingError(command, error);
  if (error.killed || error.signal === 'SIGKILL') {
    return new BerthError('E_INTERNAL', `${command} did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
      fix: 'The GPU driver may be busy or hung; try again, or check the driver with the same command in a terminal.',
      cause: error,
    });
  }
  // nvidia-smi prints its reason on stdout (e.g. "NVIDIA-SMI has failed because it couldn't communicate…").
  const said = (stderr.trim() || stdout.trim()).split(/\r?\n/)[0] ?? '';
  return new BerthError('E_INTERNAL', `${command} failed${said ? `: ${said}` : ` (exit ${String(error.code)})`}`, {
    cause: error,
    details: { exitCode: error.code },
  });
}

/**
 * Wraps a runner so that at most one call per program is in flight: identical calls share the running one,
 * other calls wait their turn. A slow driver then costs one stuck process, not a pile of them.
 */
export function singleFlight(inner: ToolRunner): ToolRunner {
  const tails = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, Promise<ToolOutput>>();
  return {
    run(command, args, options) {
      const key = JSON.stringify([command, args]);
      const running = inFlight.get(key);
      if (running) return running;
      const previous = options.queue === false ? Promise.resolve() : (tails.get(command) ?? Promise.resolve());
      const call = previous.then(
        () => inner.run(command, args, options),
        () => inner.run(command, args, options),
      );
      const settled = call.finally(() => {
        if (inFlight.get(key) === call) inFlight.delete(key);
        if (tails.get(command) === settled) tails.delete(command);
      });
      settled.catch(() => undefined);
      inFlight.set(key, call);
      tails.set(command, settled);
      return call;
    },
  };
}
