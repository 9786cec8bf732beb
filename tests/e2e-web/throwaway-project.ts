import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A project folder of a test's own, with a unique name; `remove` takes its containers and images down too. */
export interface ThrowawayProject {
  name: string;
  dir: string;
  /** Writes files (paths relative to the project folder), creating folders as needed. */
  write(files: Record<string, string>): Promise<void>;
  remove(): Promise<void>;
}

export async function throwawayProject(prefix: string): Promise<ThrowawayProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  const dir = path.join(root, name);
  await mkdir(dir);
  return {
    name,
    dir,
    async write(files) {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), content);
      }
    },
    async remove() {
      await run('docker', ['compose', '-p', name, 'down', '--timeout', '0', '--rmi', 'local']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
