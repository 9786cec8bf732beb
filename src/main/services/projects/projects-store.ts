import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { ProjectsStateSchema, type ProjectsState, type SavedProject } from '@shared/schemas/projects';
import { JsonState } from '../files/json-state';

const FILE_NAME = 'projects.json';

/**
 * The projects the user added, in Berth's state directory (shared with the `berth` CLI, never in their folders).
 * Removing a project forgets it; its files are not touched.
 */
export class ProjectsStore {
  private readonly state: JsonState<ProjectsState>;
  private migrated: Promise<void> | null = null;

  /** `legacyDir`: where an older Berth kept the list (Electron's userData); moved here once, on first use. */
  constructor(
    private readonly stateDir: string,
    private readonly legacyDir?: string,
  ) {
    this.state = new JsonState(path.join(stateDir, FILE_NAME), ProjectsStateSchema, () => ({
      version: 1,
      projects: [],
    }));
  }

  async list(): Promise<SavedProject[]> {
    await this.migrate();
    return (await this.state.read()).projects;
  }

  async add(directory: string, files: string[] = []): Promise<SavedProject> {
    await this.migrate();
    return this.state.update((state) => {
      const absolute = path.resolve(directory);
      const existing = state.projects.find((project) => project.directory === absolute);
      if (existing) return existing;
      const project = { directory: absolute, files, addedAt: Date.now() };
      state.projects.push(project);
      return project;
    });
  }

  async remove(directory: string): Promise<boolean> {
    await this.migrate();
    return this.state.update((state) => {
      const before = state.projects.length;
      state.projects = state.projects.filter((project) => project.directory !== path.resolve(directory));
      return state.projects.length !== before;
    });
  }

  private migrate(): Promise<void> {
    this.migrated ??= this.moveLegacyList().catch(() => {});
    return this.migrated;
  }

  /** Written here first, then the old file renamed aside: the list is never lost, whatever happens between. */
  private async moveLegacyList(): Promise<void> {
    if (!this.legacyDir || path.resolve(this.legacyDir) === path.resolve(this.stateDir)) return;
    const legacy = path.join(this.legacyDir, FILE_NAME);
    const current = path.join(this.stateDir, FILE_NAME);
    if (await exists(current)) return;
    if (!(await exists(legacy))) return;
    const previous = await new JsonState(legacy, ProjectsStateSchema, () => ({
      version: 1 as const,
      projects: [],
    })).read();
    await this.state.write(previous);
    await rename(legacy, `${legacy}.moved-to-state-dir`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
