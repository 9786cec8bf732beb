import type { StreamSource } from '../../../src/main/services/streams/stream-source';
import { UPLOAD_WINDOW_BYTES, type TransferMessage } from '@shared/schemas/volumes';

export interface TransferRun {
  source: StreamSource<TransferMessage>;
  messages: TransferMessage[];
  /** Resolves when the source ends; rejects with its error. */
  ended: Promise<void>;
  /** Resolves at the first `transferring` message (an upload is ready for bytes), or when the transfer ended first. */
  ready: Promise<void>;
  /** Sends upload bytes as the renderer does: never more than the window beyond the last progress reported. */
  send(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
}

/** Starts a transfer source with an in-memory sink, as the stream transport would. */
export function runTransfer(source: StreamSource<TransferMessage>): TransferRun {
  const messages: TransferMessage[] = [];
  let markReady: () => void = () => {};
  let confirmed = 0;
  let over = false;
  let wake: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const ended = new Promise<void>((resolve, reject) => {
    source.start({
      emit: (message) => {
        messages.push(message);
        if (message.phase === 'transferring') {
          confirmed = message.bytes;
          markReady();
        }
        wake?.();
      },
      end: (error) => {
        over = true;
        markReady();
        wake?.();
        if (error === undefined) resolve();
        else reject(error);
      },
    });
  });
  ended.catch(() => {});
  const send = async (chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) => {
    let sent = 0;
    for await (const chunk of chunks) {
      while (sent - confirmed > UPLOAD_WINDOW_BYTES && !over) await new Promise<void>((resolve) => (wake = resolve));
      if (over) return;
      source.receive?.(chunk);
      sent += chunk.byteLength;
    }
  };
  return { source, messages, ended, ready, send };
}
