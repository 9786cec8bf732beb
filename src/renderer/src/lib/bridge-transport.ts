import type { BerthApi, StreamHandle } from '@shared/contract';
import type { Result } from '@shared/errors';
import { buildOperationTree } from '@shared/operation-tree';
import type { ConsumerFrame, ProducerFrame } from '@shared/stream-protocol';

/**
 * `BerthApi` over the loopback test bridge (tests/support/bridge): a WebSocket for calls and one per
 * stream. Used when the renderer runs in a plain browser; Electron uses the preload instead.
 */
export function createBridgeApi(origin: string, token: string): BerthApi {
  const socketUrl = (path: string) => `${origin.replace(/^http/, 'ws')}${path}?token=${encodeURIComponent(token)}`;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  let nextCallId = 0;
  let rpc: Promise<WebSocket> | null = null;

  const connectRpc = (): Promise<WebSocket> => {
    rpc ??= new Promise((resolve, reject) => {
      const socket = new WebSocket(socketUrl('/bridge/rpc'));
      socket.onopen = () => resolve(socket);
      socket.onerror = () => reject(new Error('The test bridge is not reachable.'));
      socket.onclose = () => {
        rpc = null;
        for (const [id, settle] of calls) {
          calls.delete(id);
          settle({ ok: false, error: { code: 'E_INTERNAL', message: 'The test bridge closed the connection.' } });
        }
      };
      socket.onmessage = (event: MessageEvent<string>) => {
        const reply = JSON.parse(event.data) as { id: number; result: Result<unknown> };
        calls.get(reply.id)?.(reply.result);
        calls.delete(reply.id);
      };
    });
    return rpc;
  };

  const invoke = async (name: string, input: unknown): Promise<Result<unknown>> => {
    const socket = await connectRpc();
    const id = ++nextCallId;
    return new Promise((resolve) => {
      calls.set(id, resolve);
      socket.send(JSON.stringify({ id, name, input }));
    });
  };

  const streams: BerthApi['streams'] = {
    open(kind, input, handlers) {
      const socket = new WebSocket(socketUrl('/bridge/stream'));
      socket.binaryType = 'arraybuffer';
      let closed = false;
      const finish = (error?: Parameters<typeof handlers.onClose>[0]) => {
        if (closed) return;
        closed = true;
        socket.close();
        handlers.onClose(error);
      };
      const sendFrame = (frame: ConsumerFrame) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
      };
      socket.onopen = () => socket.send(JSON.stringify({ kind, input }));
      socket.onerror = () => finish({ code: 'E_INTERNAL', message: 'The test bridge stream failed.' });
      socket.onclose = () => finish();
      socket.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
        // Bytes arrive as binary frames (see the bridge), and cost their length.
        if (event.data instanceof ArrayBuffer)
          return handlers.onMessage(new Uint8Array(event.data) as never, event.data.byteLength);
        const frame = JSON.parse(event.data) as ProducerFrame;
        if (frame.t === 'data') handlers.onMessage(frame.data as never, frame.n);
        else finish(frame.t === 'error' ? frame.error : undefined);
      };
      const handle: StreamHandle = {
        ack: (units) => sendFrame({ t: 'ack', n: units }),
        // Bytes (keystrokes) go as a binary frame: JSON would turn a Uint8Array into an object of indices.
        send: (data) => {
          if (!(data instanceof Uint8Array)) return sendFrame({ t: 'input', data });
          if (socket.readyState === WebSocket.OPEN) socket.send(data as Uint8Array<ArrayBuffer>);
        },
        close: () => {
          sendFrame({ t: 'close' });
          finish();
        },
      };
      return handle;
    },
  };

  return { ...buildOperationTree(invoke), streams } as unknown as BerthApi;
}
