/**
 * Runs systeminformation's `graphics()` on a worker thread: it blocks the thread it runs on for up to seconds
 * (it shells out synchronously to system_profiler, lspci or PowerShell), which would freeze the app's main
 * process. The worker is inline source rather than a file of its own because the main process is bundled twice
 * (the app's `out/main/index.js` and the CLI's `out/main/cli.js`); it requires systeminformation by the path
 * resolved here, since an inline worker resolves modules from the working directory, not from Berth.
 */
import { Worker } from 'node:worker_threads';
import type { GraphicsController } from './graphics-controllers';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.modulePath)
  .graphics()
  .then(
    (graphics) => parentPort.postMessage({ ok: true, controllers: graphics.controllers }),
    (error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }),
  );
`;

type WorkerReply = { ok: true; controllers: GraphicsController[] } | { ok: false; message: string };

export const GRAPHICS_TIMEOUT_MS = 10_000;

export function readGraphicsControllers(timeoutMs = GRAPHICS_TIMEOUT_MS): Promise<GraphicsController[]> {
  // `require` rather than `import.meta`: the main bundle and Playwright's test loader are CommonJS.
  const modulePath = require.resolve('systeminformation');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // systeminformation may leave timers or child processes behind; the answer is all Berth needs.
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new Error(`systeminformation did not list graphics controllers within ${timeoutMs / 1000} s`)),
        ),
      timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) =>
      settle(() =>
        reply.ok
          ? resolve(reply.controllers)
          : reject(new Error(`systeminformation could not list graphics controllers: ${reply.message}`)),
      ),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the systeminformation worker exited (code ${code}) without an answer`))),
    );
  });
}
