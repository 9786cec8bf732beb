import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { BERTH_LABELS } from '../berth-labels';
import { withDeadline } from './idle-deadline';
import {
  createHelperExec,
  DEFAULT_IDLE_MS,
  isGoneContainer,
  runHelperExec,
  type CommandResult,
  type HelperCommand,
} from './run-in-helper';
import { MOUNT_ROOT } from './volume-path';

/** What a helper mounts at /v: a named volume, or a host directory a container bind-mounts. */
export type MountSource = { kind: 'volume'; name: string } | { kind: 'bind'; hostPath: string };

/** Label on every helper container, so listings leave them out and a later run can clean up after a crash. */
export const HELPER_LABEL = BERTH_LABELS.helper;

/** Helpers stay up this long after their last use, so browsing a directory tree doesn't start one per click. */
const DEFAULT_IDLE_MS_BEFORE_REMOVAL = 60_000;
/** Starting a helper (create + start) may take this long before the engine is considered stuck. */
const START_DEADLINE_MS = 60_000;

/**
 * The helper's own process: it ends by itself once no command has run in it for 15 minutes, so a helper outlives
 * a Berth that died without removing it only that long (AutoRemove then deletes it), while a long upload keeps it.
 * It looks for any process besides itself (pid 1) every 5 s; `sleep` may be a shell builtin or a child, either way
 * it has ended by the time of the look.
 */
const HELPER_MAIN = `i=0; while [ $i -lt 900 ]; do sleep 5; b=; for p in /proc/[0-9]*; do [ "$p" = /proc/1 ] || [ "$p" = /proc/$$ ] || b=1; done; if [ -n "$b" ]; then i=0; else i=$((i + 5)); fi; done`;

interface Helper {
  id: Promise<string>;
  idleTimer: NodeJS.Timeout | null;
  busy: number;
  /** No longer handed out (gone, or stuck): removed when its last command ends. */
  retired: boolean;
}

export interface HelperPoolOptions {
  docker: () => Docker;
  image: () => Promise<string>;
  idleMs?: number;
}

/**
 * Short-lived helper containers, one per mount source and access mode, that never touch the user's containers:
 * read-only for reads, no network, a read-only root filesystem (a write that a racing symlink redirected out of the
 * volume fails instead of landing in the helper), removed after a minute idle. Reuse keeps a click on a folder to
 * one exec. A helper that went away (removed, stopped, engine restarted) is noticed when a command can't be created
 * in it and replaced before anything ran; a helper whose command got stuck is retired and removed.
 */
export class HelperPool {
  private readonly helpers = new Map<string, Helper>();

  constructor(private readonly options: HelperPoolOptions) {}

  /** Runs a helper script against `source` and returns its outcome (see `runHelperExec`). */
  async run(source: MountSource, writable: boolean, command: HelperCommand): Promise<CommandResult> {
    const key = keyOf(source, writable);
    let helper = this.acquire(key, source, writable);
    try {
      let exec: Docker.Exec;
      try {
        exec = await createHelperExec(this.options.docker(), await helper.id, command);
      } catch (error) {
        if (!isGoneContainer(error)) throw error;
        // Nothing ran and no input was taken: start a fresh helper and create the command there.
        this.retire(key, helper);
        this.release(key, helper);
        helper = this.acquire(key, source, writable);
        exec = await createHelperExec(this.options.docker(), await helper.id, command);
      }
      try {
        const id = await helper.id;
        return await runHelperExec(exec, command, () => isRunning(this.options.docker(), id));
      } catch (error) {
        const details = (error as BerthError | null)?.details as { helperGone?: boolean; timeout?: boolean } | null;
        if (details?.helperGone || details?.timeout) this.retire(key, helper);
        throw error;
      }
    } finally {
      this.release(key, helper);
    }
  }

  /** Removes every helper, e.g. before a volume is deleted or when Berth quits. */
  async releaseAll(filter: (key: string) => boolean = () => true): Promise<void> {
    const removals = [...this.helpers.keys()].filter(filter).map((key) => this.remove(key));
    await Promise.all(removals);
  }

  /** Removes the helpers that mount one volume (they would keep it "in use"). */
  releaseVolume(name: string): Promise<void> {
    return this.releaseAll((key) => key.endsWith(`:volume:${name}`));
  }

  private acquire(key: string, source: MountSource, writable: boolean): Helper {
    let helper = this.helpers.get(key);
    if (!helper) {
      const fresh: Helper = { id: this.start(source, writable), idleTimer: null, busy: 0, retired: false };
      fresh.id.catch(() => this.retire(key, fresh));
      this.helpers.set(key, fresh);
      helper = fresh;
    }
    if (helper.idleTimer) clearTimeout(helper.idleTimer);
    helper.idleTimer = null;
    helper.busy += 1;
    return helper;
  }

  private release(key: string, helper: Helper): void {
    helper.busy -= 1;
    if (helper.busy > 0) return;
    if (helper.retired) {
      void removeContainer(this.options.docker(), helper.id);
      return;
    }
    if (this.helpers.get(key) !== helper) return;
    helper.idleTimer = setTimeout(() => void this.remove(key), this.options.idleMs ?? DEFAULT_IDLE_MS_BEFORE_REMOVAL);
    helper.idleTimer.unref();
  }

  /** Hands a helper out no more; it is removed when its last command ends. */
  private retire(key: string, helper: Helper): void {
    helper.retired = true;
    if (this.helpers.get(key) === helper) this.helpers.delete(key);
  }

  private async start(source: MountSource, writable: boolean): Promise<string> {
    const docker = this.options.docker();
    // Mounting a volume that doesn't exist makes the engine create it: check first, so browsing a volume that
    // was just deleted (elsewhere, or by the user) never brings back an empty one.
    if (source.kind === 'volume') await assertVolumeExists(docker, source.name);
    const image = await this.options.image();
    const mount =
      source.kind === 'volume'
        ? { Type: 'volume' as const, Source: source.name, Target: MOUNT_ROOT, ReadOnly: !writable }
        : { Type: 'bind' as const, Source: source.hostPath, Target: MOUNT_ROOT, ReadOnly: !writable };
    const starting = (async () => {
      const container = await docker.createContainer({
        name: `berth-helper-${randomBytes(5).toString('hex')}`,
        Image: image,
        Entrypoint: ['/bin/sh', '-c'],
        Cmd: [HELPER_MAIN],
        User: '0:0',
        WorkingDir: MOUNT_ROOT,
        // Byte-wise text handling in every tool, whatever the image's locale.
        Env: ['LC_ALL=C'],
        Labels: { [HELPER_LABEL]: 'volume-browser' },
        NetworkDisabled: true,
        HostConfig: { Mounts: [mount], NetworkMode: 'none', AutoRemove: true, Init: false, ReadonlyRootfs: true },
      });
      try {
        await container.start();
      } catch (error) {
        await container.remove({ force: true }).catch(() => {});
        throw error;
      }
      return container.id;
    })();
    return withDeadline(
      starting,
      START_DEADLINE_MS,
      () =>
        new BerthError('E_ENGINE_ERROR', 'The engine did not start a helper container within a minute.', {
          fix: 'Check that the engine is responsive (docker ps), then try again.',
        }),
      (late) => void removeContainer(docker, Promise.resolve(late)),
    );
  }

  private async remove(key: string): Promise<void> {
    const helper = this.helpers.get(key);
    if (!helper) return;
    if (helper.idleTimer) clearTimeout(helper.idleTimer);
    this.helpers.delete(key);
    await removeContainer(this.options.docker(), helper.id);
  }
}

function keyOf(source: MountSource, writable: boolean): string {
  return `${writable ? 'rw' : 'ro'}:${source.kind}:${source.kind === 'volume' ? source.name : source.hostPath}`;
}

async function removeContainer(docker: Docker, id: Promise<string>): Promise<void> {
  const containerId = await id.catch(() => null);
  if (!containerId) return;
  try {
    const container = docker.getContainer(containerId);
    await withDeadline(container.remove({ force: true }), DEFAULT_IDLE_MS, () => new Error('remove timed out'));
    // AutoRemove happens after the kill; wait for it so the volume is free when this resolves.
    await withDeadline(container.wait({ condition: 'removed' }), DEFAULT_IDLE_MS, () => new Error('wait timed out'));
  } catch {
    // Already gone (AutoRemove or a user's docker rm), or the engine is away: nothing more to do.
  }
}

async function isRunning(docker: Docker, id: string): Promise<boolean> {
  try {
    const info = await withDeadline(docker.getContainer(id).inspect(), DEFAULT_IDLE_MS, () => new Error('timed out'));
    return info.State.Running;
  } catch {
    return false;
  }
}

async function assertVolumeExists(docker: Docker, name: string): Promise<void> {
  try {
    await docker.getVolume(name).inspect();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    throw new BerthError('E_NOT_FOUND', `The volume "${name}" no longer exists.`, {
      fix: 'It was removed; refresh the volume list.',
    });
  }
}
