import type { OperationHandlers } from '../../ipc/core/dispatch';
import type { StreamFactories } from '../../ipc/core/stream-factories';
import type { EngineConnection } from '../docker/engine-connection';
import { listVolumes, volumeSizes } from './list-volumes';
import { resolveMountSource } from './resolve-mount';
import { pruneVolumes } from './prune-volumes';
import { removeVolume } from './remove-volume';
import { createTransferSource, type SaveLocationPicker } from './transfer-source';
import { VolumeBrowser } from './volume-browser';

/** What the volume browser needs from the desktop; Electron main and the test bridge each provide one. */
export interface VolumeDesktop extends SaveLocationPicker {
  /** Shows a host directory in the OS file manager (reveal only: never opens or runs anything). */
  showInFolder(hostPath: string): void | Promise<void>;
}

/** Without a desktop (a headless host), downloads end as "cancelled" and nothing is revealed. */
const NO_DESKTOP: VolumeDesktop = { chooseSavePath: async () => null, showInFolder: () => {} };

type VolumeOperation = Extract<keyof OperationHandlers, `volumes.${string}`>;

export interface VolumeServices {
  browser: VolumeBrowser;
  handlers: Pick<OperationHandlers, VolumeOperation>;
  transfer: StreamFactories['volumeTransfer'];
}

export function createVolumeServices(
  connection: EngineConnection,
  env: NodeJS.ProcessEnv,
  desktop: VolumeDesktop = NO_DESKTOP,
): VolumeServices {
  const docker = () => connection.getDocker();
  const browser = new VolumeBrowser({ docker, helperImage: env.BERTH_HELPER_IMAGE || undefined });
  return {
    browser,
    handlers: {
      'volumes.list': () => listVolumes(docker()),
      'volumes.sizes': () => volumeSizes(docker()),
      'volumes.listDirectory': ({ target, path, offset, limit }) =>
        browser.listDirectory(target, path, offset ?? 0, limit ?? 200),
      'volumes.preview': ({ target, path, maxBytes }) => browser.preview(target, path, maxBytes ?? 64 * 1024),
      'volumes.directorySize': ({ target, path }) => browser.directorySize(target, path),
      'volumes.makeDirectory': ({ target, parent, name }) => browser.makeDirectory(target, parent, name),
      'volumes.rename': ({ target, path, newName }) => browser.rename(target, path, newName),
      'volumes.deleteEntry': ({ target, path, confirmName }) => browser.deleteEntry(target, path, confirmName),
      'volumes.remove': ({ volume, confirmName }) => removeVolume(docker(), browser.helpers, volume, confirmName),
      'volumes.prune': ({ names, confirmText }) => pruneVolumes(docker(), browser.helpers, names, confirmText),
      'volumes.revealBindMount': async ({ containerId, destination }) => {
        // A remote engine's paths are on another machine: there is nothing to show here.
        if (connection.getState().endpoint?.local === false) return { shown: false };
        const source = await resolveMountSource(docker(), { kind: 'bind', containerId, destination });
        if (source.kind !== 'bind') return { shown: false };
        await desktop.showInFolder(source.hostPath);
        return { shown: true };
      },
    },
    transfer: (input) => createTransferSource(browser, docker, desktop, input),
  };
}
