import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { SpawnTool } from '../nvidia/metrics-sampler';
import type { ToolOutput, ToolRunner, ToolRunOptions } from '../tool-runner';

/** Labels every GPU helper carries, so Berth can find (and clean up) its own. */
export const GPU_HELPER_LABEL = 'org.berth.helper';
export const GPU_HELPER_KIND = 'gpu';

/** Why a GPU helper could not start, from the engine's words. */
export type GpuHelperRefusal = 'no-runtime' | 'no-driver' | 'other';

export class GpuHelperStartError extends BerthError {
  constructor(
    readonly refusal: GpuHelperRefusal,
    message: string,
    cause: unknown,
  ) {
    super('E_GPU_UNAVAILABLE', message, { cause, details: { refusal } });
  }
}

/**
 * One long-lived helper container on the engine with every GPU attached (the NVIDIA runtime injects `nvidia-smi`
 * into it) and the host's PID namespace (so compute-app PIDs are the host's, as `/containers/{id}/top` reports
 * them). Commands run in it through exec: `runner` for one-off queries, `spawnTool` for `nvidia-smi --loop`.
 * The image needs glibc and a shell; nothing else.
 */
export class GpuHelper {
  private container: Docker.Container | null = null;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
  ) {}

  get id(): string | null {
    return this.container?.id ?? null;
  }

  async start(): Promise<void> {
    if (this.container) return;
    const container = await this.docker.createContainer({
      Image: this.image,
      Entrypoint: ['sh', '-c', "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"],
      Labels: { [GPU_HELPER_LABEL]: GPU_HELPER_KIND },
      HostConfig: {
        AutoRemove: true,
        NetworkMode: 'none',
        PidMode: 'host',
        DeviceRequests: [{ Driver: '', Count: -1, DeviceIDs: [], Capabilities: [['gpu']], Options: {} }],
      },
    });
    try {
      await container.start();
    } catch (error) {
      await container.remove({ force: true }).catch(() => undefined);
      throw classifyStartError(error);
    }
    this.container = container;
  }

  async stop(): Promise<void> {
    const container = this.container;
    this.container = null;
    await container?.remove({ force: true }).catch(() => undefined);
  }

  /** Runs `command args` in the helper and collects its output; rejects on a non-zero exit or the timeout. */
  readonly runner: ToolRunner = {
    run: async (command: string, args: readonly string[], options: ToolRunOptions): Promise<ToolOutput> => {
      const { stdout, stderr, exited } = await this.exec([command, ...args]);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      stdout.on('data', (chunk: Buffer) => out.push(chunk));
      stderr.on('data', (chunk: Buffer) => err.push(chunk));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${command} did not answer within ${options.timeoutMs} ms`)),
          options.timeoutMs,
        );
      });
      try {
        const code = await Promise.race([exited, timeout]);
        const output = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
        if (code !== 0)
          throw new Error(`${command} exited with ${code}: ${output.stderr.trim() || output.stdout.trim()}`);
        return output;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  /** Starts `command args` in the helper as a ChildProcess look-alike (stdout, stderr, exit, kill). */
  readonly spawnTool: SpawnTool = (command, args) => {
    const child = new EventEmitter() as ChildProcess & EventEmitter;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    Object.assign(child, { stdout, stderr });
    let stopStream: (() => void) | null = null;
    let killed = false;
    child.kill = () => {
      killed = true;
      stopStream?.();
      return true;
    };
    this.exec([command, ...args]).then(
      (session) => {
        session.stdout.pipe(stdout);
        session.stderr.pipe(stderr);
        stopStream = session.close;
        if (killed) session.close();
        session.exited.then(
          (code) => child.emit('exit', code, null),
          (error: Error) => child.emit('error', error),
        );
      },
      (error: Error) => child.emit('error', error),
    );
    return child;
  };

  private async exec(cmd: string[]): Promise<{
    stdout: PassThrough;
    stderr: PassThrough;
    exited: Promise<number | null>;
    close(): void;
  }> {
    if (!this.container) throw new BerthError('E_INTERNAL', 'The GPU helper is not running.');
    const exec = await this.container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    this.docker.modem.demuxStream(stream, stdout, stderr);
    const exited = new Promise<number | null>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
    }).then(async () => {
      stdout.end();
      stderr.end();
      return (await exec.inspect()).ExitCode ?? null;
    });
    return {
      stdout,
      stderr,
      exited,
      close: () => (stream as unknown as { destroy(): void }).destroy(),
    };
  }
}

function classifyStartError(error: unknown): GpuHelperStartError {
  const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message ?? String(error);
  // Docker without the NVIDIA runtime/hook has no device driver for GPU requests: a cheap, reliable "no".
  if (/could not select device driver/i.test(message)) return new GpuHelperStartError('no-runtime', message, error);
  if (/nvidia-container-cli|NVML|driver not loaded|libnvidia|nvidia driver/i.test(message)) {
    return new GpuHelperStartError('no-driver', message, error);
  }
  return new GpuHelperStartError('other', message, error);
}
