import { test } from './fixtures';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A project folder of a test's own, with a unique name; `remove` takes its containers, images and volumes down too. */
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
      await run('docker', ['compose', '-p', name, 'down', '--timeout', '0', '--rmi', 'local', '--volumes']).catch(
        () => undefined,
      );
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Gives each test of the calling `describe` a throwaway project (removed after it) on a connected engine; call the
 * returned function inside a test. Without an engine the tests skip, except in CI (BERTH_REQUIRE_DOCKER=1), where the
 * engine fixture fails the run instead.
 */
export function useThrowawayProject(prefix: string): () => ThrowawayProject {
  let project: ThrowawayProject | undefined;
  test.beforeEach(async ({ engine, berth }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    project = await throwawayProject(prefix);
    await berth.waitForEngine('connected');
  });
  test.afterEach(async () => {
    await project?.remove();
    project = undefined;
  });
  return () => {
    if (!project) throw new Error('useThrowawayProject: the project exists only inside a test');
    return project;
  };
}
