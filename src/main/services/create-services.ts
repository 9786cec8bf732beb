/**
 * Builds Berth's Electron-free services and the state they share. Electron main and the test bridge start here (via
 * the composition root, `src/main/composition-root.ts`); handlers (`src/main/handlers/`) turn them into the contract.
 */
import { berthStateDir } from './compose/berth-overrides/state-dir';
import { GpuAssignmentsStore } from './compose/berth-overrides/gpu-assignments-store';
import type { BerthOverrides } from './compose/berth-overrides/load-with-overrides';
import { ProjectLoadCache } from './compose/load/project-cache';
import { engineLockDir, ProjectLocks } from './compose/engine/operation-lock';
import { EngineConnection } from './docker/engine-connection';
import { GpuService } from './gpus/gpu-service';
import { ComposeRunner } from './projects/compose-runner';
import { ProjectCatalog } from './projects/project-catalog';
import { ProjectsStore } from './projects/projects-store';
import { EngineScopes } from './remote/engine-scope';
import { EnginesService } from './remote/engines-service';
import { TemplatesService } from './templates/templates-service';
import { VolumeBrowser } from './volumes/volume-browser';

export interface ServicesOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /**
   * Electron's userData folder. Berth's state lives in its state directory (shared with the CLI); a projects list
   * an older Berth kept here is moved there once.
   */
  legacyUserDataDir?: string;
  /** The ML stack templates (resources/templates). */
  templatesDir: string;
}

export interface BerthServices {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** `$XDG_STATE_HOME/berth`: projects, GPU pins and overrides, shared by the app and the `berth` CLI. */
  stateDir: string;
  connection: EngineConnection;
  gpus: GpuService;
  gpuAssignments: GpuAssignmentsStore;
  overrides: BerthOverrides;
  /** One operation per project at a time, for everyone on this engine. */
  locks: ProjectLocks;
  composeRunner: ComposeRunner;
  catalog: ProjectCatalog;
  templates: TemplatesService;
  volumes: VolumeBrowser;
  /** The engines Berth knows, and switching the connection between them. */
  engines: EnginesService;
  /** What belongs to the current engine (port tunnels, the GPU helper); disposed when the engine changes. */
  scopes: EngineScopes;
  /** Whether the connected engine runs on this machine (bind mounts, GPUs and port links depend on it). */
  engineIsLocal(): boolean;
  /** Connects to the engine; resolves after the first attempt, connected or not. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createServices(options: ServicesOptions): BerthServices {
  const { env, homeDir } = options;
  const stateDir = berthStateDir(env, homeDir);
  const connection = new EngineConnection({ env, homeDir });
  const engineIsLocal = () => connection.getState().endpoint?.local ?? true;
  const docker = () => connection.getDocker();
  const gpus = new GpuService({ env });
  const gpuAssignments = new GpuAssignmentsStore(stateDir);
  // One cache for the app's lifetime: listing projects again reads only file metadata while nothing changed.
  const overrides: BerthOverrides = { stateDir, gpuAssignments, cache: new ProjectLoadCache() };
  const locks = new ProjectLocks({
    lockDir: () => engineLockDir(stateDir, connection.getState().endpoint?.address ?? 'unknown engine'),
  });
  const composeRunner = new ComposeRunner({ docker, engineIsLocal, env, homeDir, overrides, locks, gpus });
  const catalog = new ProjectCatalog({
    store: new ProjectsStore(stateDir, options.legacyUserDataDir),
    env,
    runner: composeRunner,
    docker: () => (connection.getState().status === 'connected' ? connection.getDocker() : null),
  });
  const volumes = new VolumeBrowser({ docker, helperImage: env.BERTH_HELPER_IMAGE || undefined });
  // Tunnels and helper containers belong to the engine that opened them: released before moving to another one.
  const scopes = new EngineScopes(connection, () => volumes.dispose());
  const engines = new EnginesService({ env, homeDir, stateDir, connection, beforeSwitch: () => scopes.reset() });

  return {
    env,
    homeDir,
    stateDir,
    connection,
    gpus,
    gpuAssignments,
    overrides,
    locks,
    composeRunner,
    catalog,
    templates: new TemplatesService(options.templatesDir),
    volumes,
    engines,
    scopes,
    engineIsLocal,
    start: () => connection.start(),
    dispose: async () => {
      // Helpers end on their own later; removing them now frees the volumes they mount.
      await Promise.all([volumes.dispose().catch(() => {}), scopes.dispose().catch(() => {})]);
      await connection.stop();
    },
  };
}
