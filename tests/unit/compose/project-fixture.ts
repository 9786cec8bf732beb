/** Temporary Compose projects for the loader's unit tests, removed after each test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { loadProject, type ComposeProject, type LoadOptions } from '../../../src/main/services/compose/load';

const created: string[] = [];

afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) under a fresh directory and returns its path. */
export function writeProject(files: Record<string, string>, directoryName = 'proj'): string {
  const root = mkdtempSync(join(tmpdir(), 'berth-compose-'));
  created.push(root);
  const directory = join(root, directoryName);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  mkdirSync(directory, { recursive: true });
  return directory;
}

export function load(directory: string, options: Partial<LoadOptions> = {}): Promise<ComposeProject> {
  return loadProject({ workingDir: directory, env: {}, ...options });
}

/** Loads and returns the BerthError it fails with (or throws if it loads). */
export async function loadError(directory: string, options: Partial<LoadOptions> = {}) {
  try {
    await load(directory, options);
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the project to fail loading');
}
