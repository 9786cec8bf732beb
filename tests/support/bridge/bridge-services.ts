import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../src/main/services/create-services';
import { isAllowedExternalUrl } from '../../../src/main/security/external-urls';
import type { OperationHandlers } from '../../../src/main/ipc/core/dispatch';

export interface BridgeServices {
  services: Services;
  handlers: OperationHandlers;
  /** URLs the UI asked to open; the bridge records them instead of launching a browser. */
  openedUrls: string[];
  /** The throwaway home directory this run uses for Berth's state. */
  homeDir: string;
  dispose(): Promise<void>;
}

/** The real main-process services with a throwaway home directory, as the test bridge runs them. */
export async function createBridgeServices(env: NodeJS.ProcessEnv = process.env): Promise<BridgeServices> {
  const homeDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-home-'));
  const services = createServices({ env, homeDir });
  await services.start();
  const openedUrls: string[] = [];
  return {
    services,
    homeDir,
    openedUrls,
    handlers: {
      ...services.handlers,
      'app.openExternal': ({ url }) => {
        const allowed = isAllowedExternalUrl(url);
        if (allowed) openedUrls.push(url);
        return { opened: allowed };
      },
    },
    dispose: async () => {
      await services.dispose();
      await rm(homeDir, { recursive: true, force: true });
    },
  };
}
