import type { BerthApi, StreamHandlers, StreamInput, StreamKind, StreamMessage } from '@shared/contract';
import { createBridgeApi } from './bridge-transport';

declare global {
  interface Window {
    berth?: BerthApi;
  }
}

/**
 * The one place that knows which transport the UI has: `window.berth` from the Electron preload,
 * or the loopback test bridge when the page runs in a plain browser (token in the URL fragment).
 */
function selectTransport(): BerthApi {
  if (window.berth) return window.berth;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('bridge-token');
  if (token) return createBridgeApi(window.location.origin, token);
  throw new Error('Berth has no connection to its main process (no preload and no test bridge token).');
}

export const api: BerthApi = selectTransport();

/** The path of a folder dropped on the page, where the transport can tell it (the desktop app can). */
export function pathOfDroppedFile(file: File): string | null {
  return api.pathForFile?.(file) || null;
}

/** Opens a stream whose messages are acknowledged as soon as the handler returns. */
export function subscribe<K extends StreamKind>(
  kind: K,
  input: StreamInput<K>,
  handlers: StreamHandlers<StreamMessage<K>>,
): () => void {
  const handle = api.streams.open(kind, input, {
    onMessage(message, cost) {
      handlers.onMessage(message, cost);
      handle.ack(cost);
    },
    onClose: handlers.onClose,
  });
  return () => handle.close();
}
