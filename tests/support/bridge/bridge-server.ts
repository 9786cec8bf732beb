import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ProducerFrame } from '@shared/stream-protocol';
import { dispatch, type OperationHandlers } from '../../../src/main/ipc/core/dispatch';
import { openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import type { StreamFactories } from '../../../src/main/ipc/core/stream-factories';
import { serveStatic } from './static-files';

export interface BridgeOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: OperationHandlers;
  streams: StreamFactories;
}

export interface Bridge {
  /** Open this in the browser: the page finds the bridge and its token from the URL. */
  pageUrl: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * A loopback-only, token-protected stand-in for Electron's IPC that runs the real main-process
 * services, so the renderer can be tested in a plain Chromium. Same contract, same validation
 * (`dispatch`, `openStreamSession`), different transport.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => void serveStatic(options.rendererDir, request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (!isAuthorized(request, url, origin, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      if (url.pathname === '/bridge/rpc') serveCalls(ws, options.handlers);
      else if (url.pathname === '/bridge/stream') serveStream(ws, options.streams);
      else ws.close(1008, 'unknown endpoint');
    });
  });

  return {
    origin,
    token,
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

function serveCalls(ws: WebSocket, handlers: OperationHandlers): void {
  ws.on('message', async (data) => {
    const call = parseJson(data) as { id?: unknown; name?: unknown; input?: unknown } | undefined;
    if (typeof call?.id !== 'number') return;
    const result = await dispatch(handlers, call.name, call.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id, result }));
  });
}

function socketChannel(ws: WebSocket): StreamChannel {
  return {
    send: (frame: ProducerFrame) => {
      if (ws.readyState !== ws.OPEN) return;
      if (frame.t === 'data' && frame.data instanceof Uint8Array) ws.send(frame.data, { binary: true });
      else ws.send(JSON.stringify(frame));
    },
    onMessage: (listener) =>
      ws.on('message', (data, isBinary) => listener(isBinary ? { t: 'input', data } : parseJson(data))),
    onClose: (listener) => ws.on('close', listener),
    close: () => ws.close(),
  };
}

function serveStream(ws: WebSocket, factories: StreamFactories): void {
  ws.once('message', (data) => {
    const request = parseJson(data) as { kind?: unknown; input?: unknown } | undefined;
    const error = openStreamSession(factories, request?.kind, request?.input, socketChannel(ws));
    if (error) {
      ws.send(JSON.stringify({ t: 'error', error } satisfies ProducerFrame));
      ws.close();
    }
  });
}
