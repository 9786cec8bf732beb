import path from 'node:path';
import { ProjectsStateSchema, type ProjectsState, type SavedProject } from '@shared/schemas/projects';
import { JsonState } from '../files/json-state';

/**
 * The projects the user added, in Berth's own state file (never in their folders). Removing a
 * project forgets it; its files are not touched.
 */
export class ProjectsStore {
  private readonly state: JsonState<ProjectsState>;
  /** Serializes read-modify-write cycles so two quick adds can't lose one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(stateDir: string) {
    this.state = new JsonState(path.join(stateDir, 'projects.json'), ProjectsStateSchema, () => ({
      version: 1,
      projects: [],
    }));
  }

  async list(): Promise<SavedProject[]> {
    return (await this.state.read()).projects;
  }

  add(directory: string, files: string[] = []): Promise<SavedProject> {
    return this.update((state) => {
      const absolute = path.resolve(directory);
      const existing = state.projects.find((project) => project.directory === absolute);
      if (existing) return existing;
      const project = { directory: absolute, files, addedAt: Date.now() };
      state.projects.push(project);
      return project;
    });
  }

  remove(directory: string): Promise<boolean> {
    return this.update((state) => {
      const before = state.projects.length;
      state.projects = state.projects.filter((project) => project.directory !== path.resolve(directory));
      return state.projects.length !== before;
    });
  }

  private update<R>(change: (state: ProjectsState) => R): Promise<R> {
    const next = this.queue.then(async () => {
      const state = await this.state.read();
      const result = change(state);
      await this.state.write(state);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
