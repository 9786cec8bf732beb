/**
 * One operation per project at a time: a second one fails fast with E_PROJECT_BUSY instead of racing the first.
 * Within a process by a map; across processes on this machine (the app and the CLI, two CLIs) by a lock file per
 * project in Berth's state directory, released when the operation ends or taken over when its holder died.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { BerthError } from '@shared/errors';
import { tryLockFile, type LockHolder } from '../../files/lock-file';

export interface ProjectLocksOptions {
  /** Where the lock files of the engine in use live (per engine: two engines may have projects of the same name). */
  lockDir?: () => string;
}

export class ProjectLocks {
  private readonly held = new Map<string, string>();

  constructor(private readonly options: ProjectLocksOptions = {}) {}

  async run<T>(project: string, operation: string, task: () => Promise<T>): Promise<T> {
    const lockDir = this.options.lockDir?.();
    // Per engine, as the lock files are: after a switch, the same project name on the new engine is another project.
    const key = this.keyFor(project, lockDir);
    const current = this.held.get(key);
    if (current) throw busy(project, current);
    this.held.set(key, operation);
    try {
      if (!lockDir) return await task();
      const attempt = await tryLockFile(path.join(lockDir, `${lockFileName(project)}.lock`), operation);
      if (!attempt.acquired) throw busy(project, attempt.holder.operation, attempt.holder);
      try {
        return await task();
      } finally {
        await attempt.release();
      }
    } finally {
      this.held.delete(key);
    }
  }

  /** The operation running on `project` of the engine in use, if any. */
  busy(project: string): string | undefined {
    return this.held.get(this.keyFor(project, this.options.lockDir?.()));
  }

  private keyFor(project: string, lockDir: string | undefined): string {
    return `${lockDir ?? ''}\u0000${project}`;
  }
}

/** The lock directory for one engine under Berth's state directory. */
export function engineLockDir(stateDir: string, engineAddress: string): string {
  return path.join(stateDir, 'locks', createHash('sha256').update(engineAddress).digest('hex').slice(0, 16));
}

/** Project names are [a-z0-9_-] for Compose, but a file name must never be a path, whatever it is given. */
function lockFileName(project: string): string {
  return /^[a-z0-9][a-z0-9_-]*$/.test(project) ? project : createHash('sha256').update(project).digest('hex');
}

function busy(project: string, operation: string, holder?: LockHolder): BerthError {
  const who = holder && holder.pid !== process.pid ? ` in another Berth process (pid ${holder.pid})` : '';
  return new BerthError('E_PROJECT_BUSY', `project "${project}" is busy: ${operation} is still running${who}`, {
    fix: `Wait for ${operation} to finish, or cancel it, then try again.`,
    details: { project, operation, ...(holder ? { pid: holder.pid } : {}) },
  });
}
