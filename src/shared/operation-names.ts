/**
 * Operation and stream names only: the preload imports this file (not the zod contract) so the
 * preload bundle stays small and sandbox-friendly. `contract.ts` checks it covers every operation.
 * Newer domains keep their names beside their contract, in `domains/<domain>-names.ts`.
 */
import { CLUSTER_OPERATION_NAMES, CLUSTER_STREAM_KINDS } from './domains/cluster-names';
import { DISK_OPERATION_NAMES, DISK_STREAM_KINDS } from './domains/disk-names';
import { ENGINES_OPERATION_NAMES, ENGINES_STREAM_KINDS } from './domains/engines-names';
import { STATS_OPERATION_NAMES, STATS_STREAM_KINDS } from './domains/stats-names';

export const OPERATION_NAMES = [
  'app.openExternal',
  'engine.state',
  'containers.list',
  'containers.jupyterToken',
  'gpus.overview',
  'gpus.assignments',
  'gpus.assign',
  'gpus.declaredRequests',
  'projects.list',
  'projects.pickFolder',
  'projects.add',
  'projects.remove',
  'projects.detail',
  'projects.readEnv',
  'projects.writeEnv',
  'templates.list',
  'templates.create',
  'volumes.list',
  'volumes.sizes',
  'volumes.listDirectory',
  'volumes.preview',
  'volumes.directorySize',
  'volumes.makeDirectory',
  'volumes.rename',
  'volumes.deleteEntry',
  'volumes.remove',
  'volumes.prune',
  'volumes.revealBindMount',
  ...STATS_OPERATION_NAMES,
  ...DISK_OPERATION_NAMES,
  ...ENGINES_OPERATION_NAMES,
  ...CLUSTER_OPERATION_NAMES,
] as const;

export const STREAM_KINDS = [
  'events',
  'terminal',
  'logs',
  'gpuMetrics',
  'volumeTransfer',
  'compose',
  'watch',
  ...STATS_STREAM_KINDS,
  ...DISK_STREAM_KINDS,
  ...ENGINES_STREAM_KINDS,
  ...CLUSTER_STREAM_KINDS,
] as const;

/** IPC channel names used by the Electron transport. */
export const IPC_CHANNELS = {
  invoke: 'berth:invoke',
  openStream: 'berth:stream-open',
  streamPort: 'berth:stream-port',
  streamRejected: 'berth:stream-rejected',
} as const;
