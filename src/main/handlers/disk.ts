import type Docker from 'dockerode';
import type { BerthServices } from '../services/create-services';
import { DiskCleanup } from '../services/disk/cleanup';
import { imageHistory, listImages } from '../services/disk/images';
import { removeImages } from '../services/disk/remove-images';
import { readDiskUsage } from '../services/disk/system-df';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function diskHandlers(services: BerthServices, _desktop: Desktop): HandlerGroup<OperationsOf<'disk'>> {
  const docker = () => services.connection.getDocker();
  // Clean-up plans belong to one engine: a switch of engines starts afresh, and the old tokens stop working.
  let cleanup: { docker: Docker; service: DiskCleanup } | null = null;
  const cleanupService = () => {
    const current = docker();
    if (cleanup?.docker !== current)
      cleanup = { docker: current, service: new DiskCleanup(current, services.volumes.helpers) };
    return cleanup.service;
  };
  return {
    operations: {
      'disk.usage': () => readDiskUsage(docker()),
      'disk.images': (input) => listImages(docker(), { all: input?.all ?? false }),
      'disk.imageHistory': ({ image }) => imageHistory(docker(), image),
      'disk.removeImages': ({ ids, confirmText }) => removeImages(docker(), ids, confirmText),
      'disk.planCleanup': (selection) => cleanupService().plan(selection),
      'disk.cleanup': ({ token, confirmText }) => cleanupService().execute(token, confirmText),
    },
    streams: {},
  };
}
