import { expect, test as base } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { requireEngine, type TestEngine } from '../support/require-engine';
import { RENDERER_DIR } from './fake-gpu-host';
import { BerthPage } from './pages/berth-page';

interface WorkerFixtures {
  engine: TestEngine;
  backend: BridgeServices;
  bridge: Bridge;
}

interface TestFixtures {
  berth: BerthPage;
}

/**
 * Each worker runs the real main-process services behind the test bridge, with a throwaway home
 * directory; each test gets a fresh page on it.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  engine: [
    async ({}, use) => {
      await use(await requireEngine());
    },
    { scope: 'worker' },
  ],
  backend: [
    async ({}, use) => {
      const backend = await createBridgeServices();
      await use(backend);
      await backend.dispose();
    },
    { scope: 'worker' },
  ],
  bridge: [
    async ({ backend }, use) => {
      const bridge = await startBridge({
        rendererDir: RENDERER_DIR,
        operations: backend.operations,
        streams: backend.streams,
      });
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],
  berth: async ({ page, bridge }, use) => {
    const berth = new BerthPage(page);
    await berth.open(bridge.pageUrl);
    await use(berth);
    // Every stream message main sent during the test matched its contract.
    expect(bridge.contractViolations.splice(0)).toEqual([]);
  },
});

export { expect } from '@playwright/test';

/** A backend and bridge of their own, for what needs Berth's first run: the worker's has saved projects. */
export async function freshBridge(): Promise<{ pageUrl: string; close(): Promise<void> }> {
  const backend = await createBridgeServices();
  const bridge = await startBridge({
    rendererDir: RENDERER_DIR,
    operations: backend.operations,
    streams: backend.streams,
  });
  return {
    pageUrl: bridge.pageUrl,
    async close() {
      await bridge.close();
      await backend.dispose();
    },
  };
}
