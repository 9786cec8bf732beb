import type { StreamSource } from '../../../src/main/services/streams/stream-source';
import type { TransferMessage } from '@shared/schemas/volumes';

export interface TransferRun {
  source: StreamSource<TransferMessage>;
  messages: TransferMessage[];
  /** Resolves when the source ends; rejects with its error. */
  ended: Promise<void>;
  /** Resolves at the first `transferring` message: an upload is ready for bytes. */
  ready: Promise<void>;
}

/** Starts a transfer source with an in-memory sink, as the stream transport would. */
export function runTransfer(source: StreamSource<TransferMessage>): TransferRun {
  const messages: TransferMessage[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const ended = new Promise<void>((resolve, reject) => {
    source.start({
      emit: (message) => {
        messages.push(message);
        if (message.phase === 'transferring') markReady();
      },
      end: (error) => (error === undefined ? resolve() : reject(error)),
    });
  });
  ended.catch(() => {});
  return { source, messages, ended, ready };
}
