import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { MOUNT_ROOT } from './volume-path';
import { BERTH_LABELS } from '../berth-labels';

/** What a helper mounts at /v: a named volume, or a host directory a container bind-mounts. */
export type MountSource = { kind: 'volume'; name: string } | { kind: 'bind'; hostPath: string };

/** Label on every helper container, so listings leave them out and a later run can clean up after a crash. */
export const HELPER_LABEL = BERTH_LABELS.helper;

/** Helpers stay up this long after their last use, so browsing a directory tree doesn't start one per click. */
const DEFAULT_IDLE_MS = 60_000;
/** A helper ends by itself after this long even if Berth dies without removing it (AutoRemove cleans it up). */
const MAX_LIFETIME_S = 900;

interface Helper {
  id: Promise<string>;
  idleTimer: NodeJS.Timeout | null;
  busy: number;
}

export interface HelperPoolOptions {
  docker: () => Docker;
  image: () => Promise<string>;
  idleMs?: number;
}

/**
 * Short-lived helper containers, one per mount source and access mode, that never touch the user's containers:
 * read-only for reads, no network, removed after a minute idle. Reuse keeps a click on a folder to one exec.
 */
export class HelperPool {
  private readonly helpers = new Map<string, Helper>();

  constructor(private readonly options: HelperPoolOptions) {}

  /** Runs `use` with a helper's container id; a helper that vanished under us is replaced once. */
  async with<T>(source: MountSource, writable: boolean, use: (containerId: string) => Promise<T>): Promise<T> {
    const key = `${writable ? 'rw' : 'ro'}:${source.kind}:${source.kind === 'volume' ? source.name : source.hostPath}`;
    try {
      return await this.useHelper(key, source, writable, use);
    } catch (error) {
      if (!isGoneContainer(error)) throw error;
      this.forget(key);
      return this.useHelper(key, source, writable, use);
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

  private async useHelper<T>(
    key: string,
    source: MountSource,
    writable: boolean,
    use: (containerId: string) => Promise<T>,
  ): Promise<T> {
    let helper = this.helpers.get(key);
    if (!helper) {
      helper = { id: this.start(source, writable), idleTimer: null, busy: 0 };
      this.helpers.set(key, helper);
      helper.id.catch(() => this.forget(key));
    }
    if (helper.idleTimer) clearTimeout(helper.idleTimer);
    helper.idleTimer = null;
    helper.busy += 1;
    try {
      return await use(await helper.id);
    } finally {
      helper.busy -= 1;
      if (helper.busy === 0 && this.helpers.get(key) === helper) {
        helper.idleTimer = setTimeout(() => void this.remove(key), this.options.idleMs ?? DEFAULT_IDLE_MS);
        helper.idleTimer.unref();
      }
    }
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
    const container = await docker.createContainer({
      name: `berth-helper-${randomBytes(5).toString('hex')}`,
      Image: image,
      Entrypoint: ['/bin/sh', '-c'],
      Cmd: [`sleep ${MAX_LIFETIME_S}`],
      WorkingDir: MOUNT_ROOT,
      Labels: { [HELPER_LABEL]: 'volume-browser' },
      NetworkDisabled: true,
      HostConfig: { Mounts: [mount], NetworkMode: 'none', AutoRemove: true, Init: false },
    });
    try {
      await container.start();
    } catch (error) {
      await container.remove({ force: true }).catch(() => {});
      throw error;
    }
    return container.id;
  }

  private forget(key: string): void {
    const helper = this.helpers.get(key);
    if (helper?.idleTimer) clearTimeout(helper.idleTimer);
    this.helpers.delete(key);
  }

  private async remove(key: string): Promise<void> {
    const helper = this.helpers.get(key);
    if (!helper) return;
    this.forget(key);
    const id = await helper.id.catch(() => null);
    if (!id) return;
    try {
      const container = this.options.docker().getContainer(id);
      await container.remove({ force: true });
      // AutoRemove happens after the kill; wait for it so the volume is free when this resolves.
      await container.wait({ condition: 'removed' }).catch(() => {});
    } catch {
      // Already gone (AutoRemove or a user's docker rm): nothing to clean up.
    }
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

function isGoneContainer(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === 404 || status === 409;
}
