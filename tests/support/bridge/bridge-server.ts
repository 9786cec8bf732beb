import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { streams as streamContracts, type StreamKind } from '@shared/contract';
import type { ProducerFrame } from '@shared/stream-protocol';
import type { OperationHandlers, StreamFactories } from '../../../src/main/handlers/handler-types';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import { isStreamKind, openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import { serveStatic } from './static-files';

export interface BridgeOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  operations: OperationHandlers;
  streams: StreamFactories;
}

/** A stream message main sent that its contract's schema rejects: a bug in main, reported by the e2e run. */
export interface ContractViolation {
  kind: StreamKind;
  issues: string;
}

export interface Bridge {
  /** Open this in the browser: the page finds the bridge and its token from the URL. */
  pageUrl: string;
  origin: string;
  token: string;
  /** Every stream message so far that broke its contract (the e2e fixtures fail a test that leaves any). */
  contractViolations: ContractViolation[];
  close(): Promise<void>;
}

/** Large enough for a 100,000-file upload request; a bigger frame is refused without taking the bridge down. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * A loopback-only, token-protected stand-in for Electron's IPC that runs the real main-process
 * services, so the renderer can be tested in a plain Chromium. Same contract, same validation
 * (`dispatch`, `openStreamSession`), different transport; it also checks every stream message main sends.
 * Malformed or hostile traffic is refused connection by connection: the bridge itself carries on.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const contractViolations: ContractViolation[] = [];
  const server = createServer((request, response) => void serveStatic(options.rendererDir, request, response));
  server.on('clientError', (_error, socket) => socket.destroy());
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  sockets.on('error', () => {});

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', origin);
    if (!isAuthorized(request, url, origin, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // Invalid frames (unmasked, over the size limit, bad UTF-8) end this connection, never the process.
      ws.on('error', () => ws.terminate());
      if (url.pathname === '/bridge/rpc') serveCalls(ws, options.operations);
      else if (url.pathname === '/bridge/stream') serveStream(ws, options.streams, contractViolations);
      else ws.close(1008, 'unknown endpoint');
    });
  });

  return {
    origin,
    token,
    contractViolations,
    pageUrl: `${origin}/index.html#bridge-token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isAuthorized(request: IncomingMessage, url: URL, origin: string, token: string): boolean {
  // Host and Origin checks stop DNS-rebinding pages; the token stops other local processes.
  if (request.headers.host !== new URL(origin).host) return false;
  if (request.headers.origin !== undefined && request.headers.origin !== origin) return false;
  const offered = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}

function parseJson(data: RawData): unknown {
  try {
    return JSON.parse(data.toString());
  } catch {
    return undefined;
  }
}

function serveCalls(ws: WebSocket, operations: OperationHandlers): void {
  ws.on('message', async (data) => {
    const call = parseJson(data) as { id?: unknown; name?: unknown; input?: unknown } | undefined;
    if (typeof call?.id !== 'number') return;
    const result = await dispatch(operations, call.name, call.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id, result }));
  });
}

function socketChannel(ws: WebSocket, check: (frame: ProducerFrame) => void): StreamChannel {
  return {
    send: (frame: ProducerFrame) => {
      check(frame);
      if (ws.readyState !== ws.OPEN) return;
      if (frame.t === 'data' && frame.data instanceof Uint8Array) ws.send(frame.data, { binary: true });
      else ws.send(JSON.stringify(frame));
    },
    onMessage: (listener) =>
      ws.on('message', (data, isBinary) => listener(isBinary ? { t: 'input', data: bytesOf(data) } : parseJson(data))),
    onClose: (listener) => ws.on('close', listener),
    close: () => ws.close(),
  };
}

/** ws hands binary frames over as a Buffer (a Uint8Array), or as a list of them for fragmented messages. */
function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function serveStream(ws: WebSocket, factories: StreamFactories, violations: ContractViolation[]): void {
  ws.once('message', (data) => {
    const request = parseJson(data) as { kind?: unknown; input?: unknown } | undefined;
    const kind = request?.kind;
    const check = (frame: ProducerFrame) => {
      if (frame.t !== 'data' || !isStreamKind(kind)) return;
      const checked = streamContracts[kind].message.safeParse(frame.data);
      if (!checked.success) violations.push({ kind, issues: checked.error.message.slice(0, 2000) });
    };
    const error = openStreamSession(factories, kind, request?.input, socketChannel(ws, check));
    if (error) {
      ws.send(JSON.stringify({ t: 'error', error } satisfies ProducerFrame));
      ws.close();
    }
  });
}
