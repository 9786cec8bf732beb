import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawEngineInfo, RawEngineVersion } from '../../src/main/services/docker/engine-info';

export interface FakeEngineOptions {
  info?: RawEngineInfo;
  version?: RawEngineVersion;
}

export interface FakeEngine {
  socketPath: string;
  dockerHost: string;
  /** Paths requested so far, e.g. `/_ping`. */
  requests: string[];
  /** Open `/events` responses. */
  readonly eventStreams: number;
  /** Writes raw bytes to every open `/events` response: whole lines, halves of lines, anything. */
  write(chunk: string | Buffer): void;
  /** Ends every open `/events` response, leaving the engine up. */
  endEventStreams(): void;
  /** Makes `path` (e.g. `/_ping`) answer 500 until called again with false. */
  fail(path: string, fail: boolean): void;
  /** Closes the socket and every connection, as a dying engine does. */
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export const FAKE_INFO: RawEngineInfo = {
  Name: 'fake-engine',
  ServerVersion: '99.0.0',
  OperatingSystem: 'Fake OS',
  OSType: 'linux',
  Architecture: 'x86_64',
  KernelVersion: '6.0.0',
  Runtimes: { runc: { path: 'runc' } },
  DefaultRuntime: 'runc',
  NCPU: 4,
  MemTotal: 8_000_000_000,
  Driver: 'vfs',
};

export const FAKE_VERSION: RawEngineVersion = {
  Version: '99.0.0',
  ApiVersion: '1.41',
  Components: [{ Name: 'Engine' }],
};

/** A Docker Engine API stand-in on a unix socket: `/_ping`, `/info`, `/version` and a controllable `/events`. */
export async function startFakeEngine(options: FakeEngineOptions = {}): Promise<FakeEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-fake-'));
  const socketPath = join(dir, 'docker.sock');
  const requests: string[] = [];
  const streams = new Set<ServerResponse>();
  const failing = new Set<string>();

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://engine').pathname;
    requests.push(path);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (failing.has(path)) {
      json(500, { message: `${path} exploded` });
    } else if (path === '/_ping') {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('OK');
    } else if (path === '/info') {
      json(200, options.info ?? FAKE_INFO);
    } else if (path === '/version') {
      json(200, options.version ?? FAKE_VERSION);
    } else if (path === '/events') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.flushHeaders();
      streams.add(response);
      response.on('close', () => streams.delete(response));
    } else {
      json(404, { message: `no such endpoint ${path}` });
    }
  });

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await start();
  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    requests,
    get eventStreams() {
      return streams.size;
    },
    write: (chunk) => streams.forEach((stream) => stream.write(chunk)),
    endEventStreams: () => streams.forEach((stream) => stream.end()),
    fail: (path, fail) => {
      if (fail) failing.add(path);
      else failing.delete(path);
    },
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
