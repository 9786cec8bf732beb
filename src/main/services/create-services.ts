import type { OperationHandlers } from '../ipc/core/dispatch';
import type { StreamFactories } from '../ipc/core/stream-factories';
import { listContainers } from './containers/containers-service';
import { EngineConnection } from './docker/engine-connection';
import { createEventsSource } from './events/events-source';
import { dockerodeGpuAccess } from './gpu/docker-access';
import { createGpuMetricsSource } from './gpu/gpu-metrics-stream';
import { GpuService } from './gpu/gpu-service';
import { createLogsSource } from './logs/logs-source';
import { createTerminalFactory } from './terminal/terminal-factory';
import { createVolumeServices, type VolumeDesktop } from './volumes/volume-handlers';

export interface ServicesOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Save dialogs and "show in folder" for the volume browser; without it downloads end as cancelled. */
  volumeDesktop?: VolumeDesktop;
}

/** Operations every host (Electron main, the test bridge) implements itself, because they touch the desktop. */
export type HostOperations = 'app.openExternal';

export interface Services {
  connection: EngineConnection;
  handlers: Omit<OperationHandlers, HostOperations>;
  streams: StreamFactories;
  /** Connects to the engine; resolves after the first attempt, connected or not. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** Wires the Electron-free services; Electron main and the test bridge both start here. */
export function createServices(options: ServicesOptions): Services {
  const connection = new EngineConnection({ env: options.env, homeDir: options.homeDir });
  const gpus = new GpuService({ env: options.env });
  const volumes = createVolumeServices(connection, options.env, options.volumeDesktop);

  return {
    connection,
    handlers: {
      'engine.state': () => connection.getState(),
      'containers.list': () => listContainers(connection.getDocker()),
      'gpus.overview': () => {
        const state = connection.getState();
        const docker = state.status === 'connected' ? dockerodeGpuAccess(connection.getDocker()) : null;
        return gpus.overview({ docker, engineIsLocal: state.endpoint?.local ?? true });
      },
      ...volumes.handlers,
    },
    streams: {
      events: () => createEventsSource(connection),
      terminal: createTerminalFactory({ engine: connection, env: options.env, homeDir: options.homeDir }),
      logs: (input) => createLogsSource(connection, input),
      gpuMetrics: ({ visibility }) => createGpuMetricsSource(gpus, visibility),
      volumeTransfer: volumes.transfer,
    },
    start: () => connection.start(),
    dispose: async () => {
      // Helpers end on their own later; removing them now frees the volumes they mount.
      await volumes.browser.dispose().catch(() => {});
      await connection.stop();
    },
  };
}
