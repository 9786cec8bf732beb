import type { OperationHandlers } from '../ipc/core/dispatch';
import type { StreamFactories } from '../ipc/core/stream-factories';
import { listContainers } from './containers/containers-service';
import { berthStateDir } from './compose/berth-overrides/state-dir';
import { GpuAssignmentsStore } from './compose/berth-overrides/gpu-assignments-store';
import { EngineConnection } from './docker/engine-connection';
import { createEventsSource } from './events/events-source';
import { dockerodeGpuAccess } from './gpus/docker-access';
import { createGpuMetricsSource } from './gpus/gpu-metrics-source';
import { GpuService } from './gpus/gpu-service';
import { createLogsSource } from './logs/logs-source';
import { createProjectServices } from './projects/project-handlers';
import { ProjectsStore } from './projects/projects-store';
import { TemplatesService } from './templates/templates-service';
import { jupyterToken } from './containers/jupyter-token';
import { createTerminalFactory } from './terminals/terminal-factory';
import { createVolumeServices, type VolumeDesktop } from './volumes/volume-handlers';

export interface ServicesOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Where Berth keeps the app's own state (the projects list): Electron's userData folder. */
  userDataDir: string;
  /** The ML stack templates (resources/templates). */
  templatesDir: string;
  /** Save dialogs and "show in folder" for the volume browser; without it downloads end as cancelled. */
  volumeDesktop?: VolumeDesktop;
}

/** Operations every host (Electron main, the test bridge) implements itself, because they touch the desktop. */
export type HostOperations = 'app.openExternal' | 'projects.pickFolder';

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
  const engineIsLocal = () => connection.getState().endpoint?.local ?? true;
  const stateDir = berthStateDir(options.env, options.homeDir);
  const gpuAssignments = new GpuAssignmentsStore(stateDir);
  const projects = createProjectServices({
    connection,
    env: options.env,
    homeDir: options.homeDir,
    store: new ProjectsStore(options.userDataDir),
    templates: new TemplatesService(options.templatesDir),
    overrides: { stateDir, gpuAssignments },
    gpuCapability: () => () => gpus.capability(dockerodeGpuAccess(connection.getDocker()), engineIsLocal()),
  });

  return {
    connection,
    handlers: {
      'engine.state': () => connection.getState(),
      'containers.list': () => listContainers(connection.getDocker()),
      'containers.jupyterToken': async ({ id }) => ({ token: await jupyterToken(connection.getDocker(), id) }),
      'gpus.overview': () => {
        const state = connection.getState();
        const docker = state.status === 'connected' ? dockerodeGpuAccess(connection.getDocker()) : null;
        return gpus.overview({ docker, engineIsLocal: engineIsLocal() });
      },
      'gpus.assignments': () => gpuAssignments.list(),
      'gpus.assign': async ({ project, service, deviceIds }) => {
        await gpuAssignments.set(project, service, deviceIds);
        return { assignments: await gpuAssignments.list() };
      },
      ...volumes.handlers,
      ...projects.handlers,
    },
    streams: {
      events: () => createEventsSource(connection),
      terminal: createTerminalFactory({ engine: connection, env: options.env, homeDir: options.homeDir }),
      logs: (input) => createLogsSource(connection, input),
      gpuMetrics: ({ visibility }) => createGpuMetricsSource(gpus, visibility),
      volumeTransfer: volumes.transfer,
      compose: projects.compose,
    },
    start: () => connection.start(),
    dispose: async () => {
      // Helpers end on their own later; removing them now frees the volumes they mount.
      await volumes.browser.dispose().catch(() => {});
      await connection.stop();
    },
  };
}
