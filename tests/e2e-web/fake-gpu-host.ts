import path from 'node:path';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');
const FAKE_BIN = path.resolve(__dirname, '../support/gpu/fake-bin');

/** A real nvidia-smi capture from an H100 host, which the stand-in nvidia-smi replays. */
export const H100_CAPTURE = path.resolve(
  __dirname,
  '../../../shared/fixtures/nvidia-smi/csv/from-captures/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
);

export interface FakeGpuHost {
  backend: BridgeServices;
  bridge: Bridge;
  close(): Promise<void>;
}

/**
 * The real services behind the test bridge on a host "with" an H100: the stand-in nvidia-smi comes first on PATH
 * and answers from the capture. `env` adds to that (a call log, a throwaway XDG_STATE_HOME).
 */
export async function startFakeGpuHost(env: Record<string, string> = {}): Promise<FakeGpuHost> {
  const backend = await createBridgeServices({
    ...process.env,
    PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    FAKE_NVIDIA_SMI_CAPTURE: H100_CAPTURE,
    ...env,
  });
  const bridge = await startBridge({
    rendererDir: RENDERER_DIR,
    operations: backend.operations,
    streams: backend.streams,
  });
  return {
    backend,
    bridge,
    close: async () => {
      await bridge.close();
      await backend.dispose();
      if (bridge.contractViolations.length > 0) {
        throw new Error(`stream messages broke their contract: ${JSON.stringify(bridge.contractViolations)}`);
      }
    },
  };
}
