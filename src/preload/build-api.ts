import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { BerthApi, StreamHandle, StreamHandlers } from '@shared/contract';
import type { ErrorPayload } from '@shared/errors';
import { IPC_CHANNELS } from '@shared/operation-names';
import { buildOperationTree } from '@shared/operation-tree';
import type { ProducerFrame } from '@shared/stream-protocol';

type PendingStream = { handlers: StreamHandlers<unknown>; closed: boolean; port?: MessagePort };

/**
 * Builds `window.berth` from the operation names: one function per operation, grouped by domain.
 * Inputs are validated in main, not here; this file only moves data.
 */
export function buildBerthApi(ipc: Pick<IpcRenderer, 'invoke' | 'send' | 'on'>): BerthApi {
  const operations = buildOperationTree((name, input) => ipc.invoke(IPC_CHANNELS.invoke, name, input));

  const pending = new Map<string, PendingStream>();
  let nextId = 0;

  ipc.on(IPC_CHANNELS.streamPort, (event: IpcRendererEvent, message: { id: string }) => {
    const stream = pending.get(message.id);
    const port = event.ports[0];
    if (!stream || !port) return;
    if (stream.closed) {
      // Closed by the consumer before its port arrived: tell the producer to stop.
      port.postMessage({ t: 'close' });
      port.close();
      pending.delete(message.id);
      return;
    }
    stream.port = port;
    port.onmessage = (portEvent: MessageEvent<ProducerFrame>) => {
      const frame = portEvent.data;
      if (frame.t === 'data') stream.handlers.onMessage(frame.data, frame.n);
      else finish(message.id, frame.t === 'error' ? frame.error : undefined);
    };
    port.start();
  });

  ipc.on(IPC_CHANNELS.streamRejected, (_event: IpcRendererEvent, message: { id: string; error: ErrorPayload }) => {
    finish(message.id, message.error);
    pending.delete(message.id);
  });

  function finish(id: string, error?: ErrorPayload): void {
    const stream = pending.get(id);
    if (!stream || stream.closed) return;
    stream.closed = true;
    if (stream.port) {
      stream.port.close();
      pending.delete(id);
    }
    stream.handlers.onClose(error);
  }

  const streams: BerthApi['streams'] = {
    open(kind, input, handlers) {
      const id = `s${++nextId}`;
      const stream: PendingStream = { handlers: handlers as StreamHandlers<unknown>, closed: false };
      pending.set(id, stream);
      ipc.send(IPC_CHANNELS.openStream, { id, kind, input });
      const handle: StreamHandle = {
        ack: (units) => stream.port?.postMessage({ t: 'ack', n: units }),
        send: (data) => stream.port?.postMessage({ t: 'input', data }),
        close: () => {
          stream.port?.postMessage({ t: 'close' });
          finish(id);
        },
      };
      return handle;
    },
  };

  return { ...operations, streams } as unknown as BerthApi;
}
