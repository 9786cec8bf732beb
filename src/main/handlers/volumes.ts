import type { BerthServices } from '../services/create-services';
import { listVolumes, volumeSizes } from '../services/volumes/list-volumes';
import { pruneVolumes } from '../services/volumes/prune-volumes';
import { removeVolume } from '../services/volumes/remove-volume';
import { resolveMountSource } from '../services/volumes/resolve-mount';
import { createTransferSource } from '../services/volumes/transfer-source';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function volumesHandlers(
  services: BerthServices,
  desktop: Desktop,
): HandlerGroup<OperationsOf<'volumes'>, 'volumeTransfer'> {
  const browser = services.volumes;
  const docker = () => services.connection.getDocker();
  return {
    operations: {
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
        if (!services.engineIsLocal()) return { shown: false };
        const source = await resolveMountSource(docker(), { kind: 'bind', containerId, destination });
        if (source.kind !== 'bind') return { shown: false };
        await desktop.showInFolder(source.hostPath);
        return { shown: true };
      },
    },
    streams: { volumeTransfer: (input) => createTransferSource(browser, desktop, input) },
  };
}
