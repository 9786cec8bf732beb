import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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
  /** Where the volume browser's "save as" lands: the suggested name in `downloadsDir`, or null to act as a cancel. */
  downloadsDir: string | null;
  /** What the next "choose a folder" dialog answers; null acts as a cancel. */
  pickedFolder: string | null;
  /** Host paths the UI asked to show in the file manager; recorded instead of opening one. */
  revealedPaths: string[];
  dispose(): Promise<void>;
}

/** The real main-process services with a throwaway home directory, as the test bridge runs them. */
export async function createBridgeServices(env: NodeJS.ProcessEnv = process.env): Promise<BridgeServices> {
  const homeDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-home-'));
  const revealedPaths: string[] = [];
  const bridge = {
    downloadsDir: path.join(homeDir, 'Downloads') as string | null,
    pickedFolder: null as string | null,
    revealedPaths,
  };
  const services = createServices({
    env,
    homeDir,
    userDataDir: path.join(homeDir, '.config', 'Berth'),
    templatesDir: path.resolve(__dirname, '../../../resources/templates'),
    volumeDesktop: {
      chooseSavePath: async (suggestedName) => {
        if (!bridge.downloadsDir) return null;
        await mkdir(bridge.downloadsDir, { recursive: true });
        return path.join(bridge.downloadsDir, suggestedName);
      },
      showInFolder: (hostPath) => void revealedPaths.push(hostPath),
    },
  });
  await services.start();
  const openedUrls: string[] = [];
  const handlers: OperationHandlers = {
    ...services.handlers,
    'app.openExternal': ({ url }) => {
      const allowed = isAllowedExternalUrl(url);
      if (allowed) openedUrls.push(url);
      return { opened: allowed };
    },
    'projects.pickFolder': () => ({ directory: bridge.pickedFolder }),
  };
  return Object.assign(bridge, {
    services,
    homeDir,
    openedUrls,
    handlers,
    dispose: async () => {
      await services.dispose();
      await rm(homeDir, { recursive: true, force: true });
    },
  });
}
