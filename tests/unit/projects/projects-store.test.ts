import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectsStore } from '../../../src/main/services/projects/projects-store';

describe('ProjectsStore', () => {
  let stateDir: string;

  beforeEach(async () => {
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'berth-projects-'));
  });

  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('remembers added folders across instances, once each, with absolute paths', async () => {
    const store = new ProjectsStore(stateDir);
    await Promise.all([store.add('/home/ana/mlflow'), store.add('/home/ana/vllm/'), store.add('/home/ana/mlflow')]);
    const reopened = await new ProjectsStore(stateDir).list();
    expect(reopened.map((project) => project.directory).sort()).toEqual(['/home/ana/mlflow', '/home/ana/vllm']);
  });

  it('forgets a removed project without leaving temp files behind', async () => {
    const store = new ProjectsStore(stateDir);
    await store.add('/data/a');
    await store.add('/data/b');
    expect(await store.remove('/data/a')).toBe(true);
    expect(await store.remove('/data/a')).toBe(false);
    expect((await store.list()).map((project) => project.directory)).toEqual(['/data/b']);
    expect(await readdir(stateDir)).toEqual(['projects.json']);
  });

  it('keeps a corrupt state file aside instead of overwriting it', async () => {
    await writeFile(path.join(stateDir, 'projects.json'), '{"version": 1, "projects": [oops');
    const store = new ProjectsStore(stateDir);
    expect(await store.list()).toEqual([]);
    await store.add('/data/c');
    const files = await readdir(stateDir);
    const aside = files.find((file) => file.startsWith('projects.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(stateDir, aside!), 'utf8')).toContain('oops');
  });
});
