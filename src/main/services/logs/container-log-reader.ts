import type Docker from 'dockerode';
import { FrameDemuxer } from './frame-demuxer';
import { LineAssembler } from './line-assembler';

export type OutputStream = 'stdout' | 'stderr';

/** One `GET /containers/{id}/logs` request; times are the engine API's UNIX timestamps. */
export interface LogRequest {
  follow: boolean;
  tail: number | 'all';
  since?: string;
  until?: string;
  /** Ask for the engine's timestamps (default). Without them lines have an empty `time`: only for a lone history. */
  timestamps?: boolean;
  /** Swarm service logs: each line starts with its task's `key=value,…` attributes (see swarm/service-logs-source). */
  details?: boolean;
}

/** Whose logs: a container's (`/containers/{id}/logs`) or a swarm service's, merged across its tasks. */
export type LogResource = 'containers' | 'services';

export type ReaderLine = (stream: OutputStream, time: string, text: string) => void;

interface DockerModem {
  dial(options: object, callback: (error: unknown, stream: NodeJS.ReadableStream) => void): void;
}
type LogResponse = NodeJS.ReadableStream & { destroy(error?: Error): void };

/**
 * Reads one logs request of one container, always with timestamps (needed to merge containers and to resume),
 * and hands on complete lines: demultiplexed for non-TTY containers, raw for TTY ones. `read()` settles when the
 * engine ends the response (history delivered, or a followed container stopped) or when aborted.
 */
export class ContainerLogReader {
  private response: LogResponse | null = null;
  private paused = false;
  private aborted = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    private readonly tty: boolean,
    private readonly request: LogRequest,
    private readonly onLine: ReaderLine,
    private readonly resource: LogResource = 'containers',
  ) {}

  async read(): Promise<void> {
    const response = await this.open();
    if (this.aborted) return response.destroy();
    this.response = response;
    if (this.paused) response.pause();
    const timestamps = this.request.timestamps ?? true;
    const stdout = new LineAssembler((time, text) => this.onLine('stdout', time, text), timestamps);
    const stderr = new LineAssembler((time, text) => this.onLine('stderr', time, text), timestamps);
    const demuxer = new FrameDemuxer((stream, payload) => (stream === 2 ? stderr : stdout).pushMessage(payload));
    await new Promise<void>((resolveOnce, rejectOnce) => {
      let settled = false;
      const resolve = () => {
        if (settled) return;
        settled = true;
        resolveOnce();
      };
      const reject = (error: unknown) => {
        if (settled) return;
        settled = true;
        rejectOnce(error);
      };
      response.on('data', (chunk: Buffer) => {
        if (this.tty) stdout.pushRaw(chunk);
        else demuxer.push(chunk);
      });
      response.on('end', () => {
        stdout.end();
        stderr.end();
        resolve();
      });
      // A response closed before its end: the engine went away or the connection broke.
      response.on('close', () => (this.aborted ? resolve() : reject(new Error('The engine closed the logs stream.'))));
      response.on('error', (error: unknown) => (this.aborted ? resolve() : reject(error)));
    });
  }

  pause(): void {
    this.paused = true;
    this.response?.pause();
  }

  resume(): void {
    this.paused = false;
    this.response?.resume();
  }

  abort(): void {
    this.aborted = true;
    this.controller.abort();
    this.response?.destroy();
  }

  private open(): Promise<LogResponse> {
    const { follow, tail, since, until, timestamps = true } = this.request;
    const options: Record<string, unknown> = { follow, stdout: true, stderr: true, timestamps, tail };
    if (since !== undefined) options.since = since;
    if (until !== undefined) options.until = until;
    if (this.request.details) options.details = true;
    const modem = this.docker.modem as DockerModem;
    return new Promise((resolve, reject) => {
      modem.dial(
        {
          path: `/${this.resource}/${encodeURIComponent(this.containerId)}/logs?`,
          method: 'GET',
          isStream: true,
          abortSignal: this.controller.signal,
          statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
          options,
        },
        (error, stream) => (error ? reject(error) : resolve(stream as LogResponse)),
      );
    });
  }
}
