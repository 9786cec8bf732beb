/**
 * The real main-process services behind the test bridge, as a process of their own: prints one JSON line with the
 * page URL when ready and runs until SIGTERM. Benchmarks use it to measure the services' CPU and memory apart from
 * the browser and the harness (`/proc/<pid>/stat`).
 */
import path from 'node:path';
import { startBridge } from './bridge-server';
import { createBridgeServices } from './bridge-services';

async function main(): Promise<void> {
  const backend = await createBridgeServices();
  const bridge = await startBridge({
    rendererDir: path.resolve(__dirname, '../../../out/renderer'),
    operations: backend.operations,
    streams: backend.streams,
  });
  process.stdout.write(`${JSON.stringify({ pageUrl: bridge.pageUrl, homeDir: backend.homeDir })}\n`);
  const stop = async () => {
    await bridge.close();
    await backend.dispose();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
