import {
  ipcMain,
  MessageChannelMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MessagePortMain,
} from 'electron';
import { IPC_CHANNELS } from '@shared/operation-names';
import type { ErrorPayload } from '@shared/errors';
import type { OperationHandlers, StreamFactories } from '../../handlers/handler-types';
import { dispatch } from '../core/dispatch';
import { isTrustedSender, type SenderFacts, type TrustPolicy } from '../core/sender-guard';
import { openStreamSession, type StreamChannel } from '../core/stream-session';

const UNTRUSTED: ErrorPayload = {
  code: 'E_UNTRUSTED_SENDER',
  message: 'This call did not come from a Berth window and was refused.',
};

function senderFacts(event: IpcMainEvent | IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    url: frame?.url ?? '',
  };
}

function portChannel(port: MessagePortMain): StreamChannel {
  return {
    send: (frame) => port.postMessage(frame),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    onClose: (listener) => port.on('close', listener),
    close: () => port.close(),
  };
}

/** The single place where the renderer reaches main: every call passes the sender guard, then the contract. */
export function registerIpc(handlers: OperationHandlers, factories: StreamFactories, policy: TrustPolicy): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(senderFacts(event), policy)) return { ok: false, error: UNTRUSTED };
    return dispatch(handlers, name, input);
  });

  const onOpenStream = (event: IpcMainEvent, request: unknown) => {
    const { id, kind, input } = (request ?? {}) as { id?: unknown; kind?: unknown; input?: unknown };
    if (typeof id !== 'string' || id.length > 100) return;
    if (!isTrustedSender(senderFacts(event), policy)) {
      event.sender.send(IPC_CHANNELS.streamRejected, { id, error: UNTRUSTED });
      return;
    }
    // Ports are created here, after the sender check, so an untrusted frame never holds one.
    const { port1, port2 } = new MessageChannelMain();
    const error = openStreamSession(factories, kind, input, portChannel(port1));
    if (error) {
      port1.close();
      event.sender.send(IPC_CHANNELS.streamRejected, { id, error });
      return;
    }
    port1.start();
    event.sender.postMessage(IPC_CHANNELS.streamPort, { id }, [port2]);
  };
  ipcMain.on(IPC_CHANNELS.openStream, onOpenStream);

  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.invoke);
    ipcMain.removeListener(IPC_CHANNELS.openStream, onOpenStream);
  };
}
