/** Temporary directories a build needs (an inline or rewritten Dockerfile), removed when the build ends. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ScratchDirs {
  private readonly dirs: string[] = [];

  async create(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'berth-build-'));
    this.dirs.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    await Promise.all(this.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
