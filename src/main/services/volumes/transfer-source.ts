import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { TransferInput, TransferMessage } from '@shared/schemas/volumes';
import type { StreamSource } from '../streams/stream-source';
import { ByteQueue } from './byte-queue';
import { downloadEntry, planDownload } from './download';
import { checkConflicts, topLevelNames, uploadFiles } from './upload';
import type { VolumeBrowser } from './volume-browser';

/** The desktop side of a download: where to save. Electron shows a dialog; tests answer with a path. */
export interface SaveLocationPicker {
  /** An absolute path chosen by the user, or null when they cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

/** Progress is reported at most this often (bytes), which is also the renderer's upload window unit. */
const PROGRESS_STEP = 256 * 1024;

/**
 * The `volumeTransfer` stream: one download or upload, with progress; closing the stream cancels it.
 * Downloads ask main where to save (the renderer never names a local path). Uploads wait for the first
 * `transferring` message, then take the files' bytes, in order, as binary input on the stream.
 */
export function createTransferSource(
  browser: VolumeBrowser,
  docker: () => Docker,
  picker: SaveLocationPicker,
  input: TransferInput,
): StreamSource<TransferMessage> {
  const abort = new AbortController();
  const bytes = new ByteQueue();
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
            docker,
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
        const size = input.files.reduce((sum, file) => sum + file.size, 0);
        sink.emit({ phase: 'transferring', bytes: 0, total: size });
        const total = await uploadFiles(browser, docker, request, bytes, (done) => report(done, size));
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
      if (data instanceof Uint8Array) bytes.push(data);
    },
    dispose() {
      abort.abort();
      bytes.fail(new BerthError('E_CANCELLED', 'The upload was cancelled; nothing was written.'));
    },
  };
}
