import { BerthError } from '@shared/errors';
import {
  MAX_UPLOAD_CHUNK_BYTES,
  UPLOAD_WINDOW_BYTES,
  type TransferInput,
  type TransferMessage,
} from '@shared/schemas/volumes';
import type { StreamSource } from '../streams/stream-source';
import { ByteQueue } from './byte-queue';
import { downloadEntry, planDownload } from './download';
import { checkConflicts, topLevelNames, uploadFiles, type UploadOptions } from './upload';
import type { VolumeBrowser } from './volume-browser';

/** The desktop side of a download: where to save. Electron shows a dialog; tests answer with a path. */
export interface SaveLocationPicker {
  /** An absolute path chosen by the user, or null when they cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

/** Progress is reported at most this often (bytes); the client's window counts from the last report. */
const PROGRESS_STEP = 256 * 1024;

/**
 * What main holds for an upload at most: a client that keeps to the window never has more than the window plus
 * one message unread (progress lags by less than a step); one that sends past it fails the upload.
 */
export const UPLOAD_BUFFER_LIMIT = UPLOAD_WINDOW_BYTES + MAX_UPLOAD_CHUNK_BYTES + PROGRESS_STEP;

/**
 * The `volumeTransfer` stream: one download or upload, with progress; closing the stream cancels it.
 * Downloads ask main where to save (the renderer never names a local path). Uploads wait for the first
 * `transferring` message, then take the files' bytes, in order, as binary input on the stream, at most
 * UPLOAD_WINDOW_BYTES beyond the progress last reported.
 */
export function createTransferSource(
  browser: VolumeBrowser,
  picker: SaveLocationPicker,
  input: TransferInput,
  uploadOptions: UploadOptions = {},
): StreamSource<TransferMessage> {
  const abort = new AbortController();
  const bytes = new ByteQueue(UPLOAD_BUFFER_LIMIT);
  const declared = input.direction === 'upload' ? input.files.reduce((sum, file) => sum + file.size, 0) : 0;
  let received = 0;
  let lastReported = 0;
  return {
    start(sink) {
      const report = (done: number, total: number | null) => {
        if (done - lastReported < PROGRESS_STEP && done !== total) return;
        lastReported = done;
        sink.emit({ phase: 'transferring', bytes: done, total });
      };
      const run = async () => {
        if (input.direction === 'download') {
          const plan = await planDownload(browser, input.target, input.path);
          sink.emit({ phase: 'choosing' });
          const destination = await picker.chooseSavePath(plan.suggestedName);
          if (!destination || abort.signal.aborted) return sink.emit({ phase: 'cancelled' });
          sink.emit({ phase: 'transferring', bytes: 0, total: plan.size });
          const total = await downloadEntry(
            browser,
            input.target,
            plan,
            destination,
            (done) => report(done, plan.size),
            abort.signal,
          );
          sink.emit({ phase: 'done', bytes: total, destination });
          return;
        }
        const request = { ...input, overwrite: input.overwrite ?? false };
        const { names } = topLevelNames(request.files);
        await checkConflicts(browser, request, names);
        sink.emit({ phase: 'transferring', bytes: 0, total: declared });
        const total = await uploadFiles(browser, request, bytes, (done) => report(done, declared), uploadOptions);
        sink.emit({ phase: 'done', bytes: total, destination: input.parent });
      };
      run().then(
        () => sink.end(),
        (error: unknown) => sink.end(error),
      );
    },
    pause() {},
    resume() {},
    receive(data) {
      if (!(data instanceof Uint8Array)) return;
      received += data.byteLength;
      if (received > declared) {
        bytes.fail(
          new BerthError(
            'E_INVALID_INPUT',
            `The upload sent more bytes than its files hold (${declared}); it was stopped.`,
            {
              fix: 'Send exactly the bytes of the files listed, in order.',
            },
          ),
        );
        return;
      }
      bytes.push(data);
    },
    dispose() {
      abort.abort();
      bytes.fail(new BerthError('E_CANCELLED', 'The upload was cancelled; nothing was written.'));
    },
  };
}
