/**
 * `develop.watch` for one project: changed files go to the services whose rules take them. `sync` copies them into
 * the service's running containers (and deletes what was deleted), `sync+restart` then restarts them, `sync+exec`
 * runs the rule's command in them; `rebuild` builds the service's image and recreates that service alone. Each
 * service works through its changes in order; a failure is reported and the service keeps running what it ran.
 */
import { existsSync } from 'node:fs';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type { ComposeEngine } from '../compose/engine/compose-engine';
import { COMPOSE_LABELS } from '../compose/labels';
import type { ComposeProject } from '../compose/model/project';
import { copyIntoContainer, execInContainer, removeFromContainer, type FileCopy } from './container-files';
import { PathWatcher } from './path-watcher';
import { matchTriggers, watchTriggers, type WatchTrigger } from './watch-rules';
import type { WatchStatus } from './watch-status';

export interface WatchDeps {
  docker: Docker;
  /** Runs the rebuilds and restarts, under the project's lock like every other operation. */
  engine: ComposeEngine;
}

export interface WatchOptions {
  /** Services to watch; empty: every service with develop.watch rules. */
  services?: string[];
  onStatus: (status: WatchStatus) => void;
  /** Progress of rebuilds (build steps, the recreated containers). */
  onProgress?: (event: ComposeProgressEvent) => void;
  /** Sync every sync rule's files once at the start (rules can ask for it with `initial_sync: true`). */
  initialSync?: boolean;
  /** Quiet time before a batch of changes is acted on; default path-watcher.ts's. */
  quietMs?: number;
}

export interface ProjectWatch {
  services: string[];
  /** Stops watching; resolves once the work in progress has stopped. */
  stop(): Promise<void>;
}

interface SyncWork {
  copies: FileCopy[];
  deletes: string[];
}

export async function startProjectWatch(
  deps: WatchDeps,
  project: ComposeProject,
  options: WatchOptions,
): Promise<ProjectWatch> {
  const triggers = watchTriggers(project, options.services);
  const services = [...new Set(triggers.map((trigger) => trigger.service))];
  if (services.length === 0) {
    throw new BerthError('E_COMPOSE_INVALID', `no service of project ${project.name} has develop.watch rules`, {
      fix: 'Add a develop: watch: section to the services to keep in step (see the Compose file reference).',
    });
  }
  const abort = new AbortController();
  const queues = new Map<string, Promise<void>>();
  const enqueue = (service: string, work: () => Promise<void>) => {
    const next = (queues.get(service) ?? Promise.resolve()).then(async () => {
      if (abort.signal.aborted) return;
      try {
        await work();
      } catch (error) {
        if (abort.signal.aborted) return;
        const known = error instanceof BerthError ? error : null;
        options.onStatus({
          kind: 'error',
          service,
          message: (error as Error).message,
          ...(known?.fix ? { fix: known.fix } : {}),
          at: Date.now(),
        });
      }
    });
    queues.set(service, next);
  };
  const runner = new WatchRunner(deps, project, options, abort.signal);

  const watcher = new PathWatcher(
    triggers.map((trigger) => trigger.path),
    {
      quietMs: options.quietMs,
      onBatch: (paths) => {
        for (const [service, work] of batchByService(triggers, paths)) {
          enqueue(service, () =>
            work.rebuild.length ? runner.rebuild(service, work.rebuild) : runner.sync(work.syncs),
          );
        }
      },
      onError: (error) =>
        options.onStatus({
          kind: 'error',
          service: services[0]!,
          message: `watching stopped seeing changes: ${error.message}`,
          at: Date.now(),
        }),
    },
  );
  for (const trigger of triggers) {
    if (trigger.action !== 'rebuild' && (trigger.initialSync || options.initialSync)) {
      enqueue(trigger.service, () =>
        runner.sync(new Map([[trigger, { copies: [copyOf(trigger, trigger.path, trigger.target!)], deletes: [] }]])),
      );
    }
  }
  options.onStatus({ kind: 'watching', services, at: Date.now() });
  return {
    services,
    async stop() {
      watcher.close();
      abort.abort(new BerthError('E_CANCELLED', 'Watch stopped.'));
      await Promise.all(queues.values());
      options.onStatus({ kind: 'stopped', at: Date.now() });
    },
  };
}

/** The batch's changes per service: paths to rebuild for, else the files each sync rule copies or deletes. */
function batchByService(
  triggers: WatchTrigger[],
  paths: string[],
): Map<string, { rebuild: string[]; syncs: Map<WatchTrigger, SyncWork> }> {
  const byService = new Map<string, { rebuild: string[]; syncs: Map<WatchTrigger, SyncWork> }>();
  for (const path of paths.sort()) {
    for (const { trigger, containerPath } of matchTriggers(triggers, path)) {
      const work = byService.get(trigger.service) ?? {
        rebuild: [] as string[],
        syncs: new Map<WatchTrigger, SyncWork>(),
      };
      byService.set(trigger.service, work);
      if (trigger.action === 'rebuild') {
        work.rebuild.push(path);
        continue;
      }
      const sync = work.syncs.get(trigger) ?? { copies: [], deletes: [] };
      work.syncs.set(trigger, sync);
      if (existsSync(path)) sync.copies.push(copyOf(trigger, path, containerPath!));
      else sync.deletes.push(containerPath!);
    }
  }
  return byService;
}

function copyOf(trigger: WatchTrigger, hostPath: string, containerPath: string): FileCopy {
  return { hostPath, containerPath, ignores: trigger.ignores };
}

class WatchRunner {
  constructor(
    private readonly deps: WatchDeps,
    private readonly project: ComposeProject,
    private readonly options: WatchOptions,
    private readonly signal: AbortSignal,
  ) {}

  async sync(syncs: Map<WatchTrigger, SyncWork>): Promise<void> {
    for (const [trigger, work] of syncs) {
      const started = Date.now();
      const containers = await this.runningContainers(trigger.service);
      const files: string[] = [];
      for (const container of containers) {
        const sent = work.copies.length ? await copyIntoContainer(this.deps.docker, container.id, work.copies) : [];
        await removeFromContainer(this.deps.docker, container.id, work.deletes);
        if (files.length === 0) files.push(...sent);
      }
      if (files.length === 0 && work.deletes.length === 0) continue;
      this.options.onStatus({
        kind: 'synced',
        service: trigger.service,
        containers: containers.map((container) => container.name),
        files,
        deleted: work.deletes,
        at: Date.now(),
        durationMs: Date.now() - started,
      });
      if (trigger.action === 'sync+restart') await this.restart(trigger.service);
      if (trigger.action === 'sync+exec') await this.exec(trigger, containers);
    }
  }

  async rebuild(service: string, files: string[]): Promise<void> {
    const started = Date.now();
    this.options.onStatus({ kind: 'rebuilding', service, files, at: started });
    const operation = { services: [service], signal: this.signal, onProgress: this.options.onProgress };
    // A failed build throws here, before anything is recreated: the service keeps running its last good image.
    await this.deps.engine.build(this.project, operation);
    await this.deps.engine.up(this.project, operation);
    this.options.onStatus({ kind: 'rebuilt', service, at: Date.now(), durationMs: Date.now() - started });
  }

  private async restart(service: string): Promise<void> {
    await this.deps.engine.restart(this.project, {
      services: [service],
      signal: this.signal,
      onProgress: this.options.onProgress,
    });
    this.options.onStatus({ kind: 'restarted', service, at: Date.now() });
  }

  private async exec(trigger: WatchTrigger, containers: { id: string }[]): Promise<void> {
    const hook = trigger.exec!;
    const command = hook.command ?? [];
    const env = Object.entries(hook.environment ?? {}).map(([name, value]) =>
      value === null ? name : `${name}=${value}`,
    );
    for (const container of containers) {
      const { exitCode, output } = await execInContainer(this.deps.docker, container.id, command, {
        user: hook.user,
        privileged: hook.privileged,
        workingDir: hook.working_dir,
        env,
      });
      if (exitCode !== 0) {
        throw new BerthError(
          'E_ENGINE_ERROR',
          `${command.join(' ')} exited with ${exitCode} after the sync: ${output.trim().split('\n').slice(-3).join(' / ')}`,
          {
            fix: 'Fix the command of the sync+exec rule, or what it runs.',
          },
        );
      }
      this.options.onStatus({ kind: 'executed', service: trigger.service, command, exitCode, at: Date.now() });
    }
  }

  private async runningContainers(service: string): Promise<{ id: string; name: string }[]> {
    const containers = await this.deps.docker.listContainers({
      filters: {
        label: [
          `${COMPOSE_LABELS.project}=${this.project.name}`,
          `${COMPOSE_LABELS.service}=${service}`,
          `${COMPOSE_LABELS.oneoff}=False`,
        ],
        status: ['running'],
      },
    });
    if (containers.length === 0) {
      throw new BerthError('E_NOT_FOUND', `service "${service}" has no running container to sync into`, {
        fix: `Start it (berth up ${service}); watch syncs the next change.`,
      });
    }
    return containers.map((container) => ({ id: container.Id, name: (container.Names[0] ?? '').replace(/^\//, '') }));
  }
}
