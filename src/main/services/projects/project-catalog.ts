/**
 * Every project Berth shows: the folders the user added and the Compose projects found on the engine by their
 * labels (also those started with the Compose CLI), and how each is loaded.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { BerthError, toErrorPayload } from '@shared/errors';
import type { ProjectRef, ProjectSummary } from '@shared/schemas/projects';
import { berthFilesOf } from '../compose/berth-overrides/load-with-overrides';
import { listProjects, type ProjectRow } from '../compose/engine/observe/listings';
import type { ComposeProject, LoadOptions } from '../compose/load';
import type { ComposeRunner } from './compose-runner';
import { detectComposeFiles } from './project-layout';
import type { ProjectsStore } from './projects-store';

export interface ProjectCatalogOptions {
  store: ProjectsStore;
  /** The engine's client when connected; discovery is skipped without one. */
  docker(): Docker | null;
  env: Record<string, string | undefined>;
  /** Loads projects the way Berth runs them (with its own overrides). */
  runner: Pick<ComposeRunner, 'load' | 'overrides'>;
}

export class ProjectCatalog {
  constructor(private readonly options: ProjectCatalogOptions) {}

  async list(): Promise<ProjectSummary[]> {
    const saved = await Promise.all(
      (await this.options.store.list()).map((entry) => this.summarizeSaved(entry.directory, entry.files)),
    );
    const known = new Set(saved.map((project) => project.name));
    const discovered = (await this.engineProjects())
      .filter((row) => !known.has(row.name))
      .map((row): ProjectSummary => ({
        name: row.name,
        directory: row.workingDir && existsSync(row.workingDir) ? row.workingDir : null,
        configFiles: splitFiles(row.configFiles),
        saved: false,
        problem: null,
      }));
    return [...saved, ...discovered];
  }

  async add(directory: string): Promise<ProjectSummary> {
    const absolute = path.resolve(directory);
    const files = await detectComposeFiles(absolute);
    await this.options.store.add(absolute, files);
    return this.summarizeSaved(absolute, files);
  }

  /**
   * The folder whose `.env` Compose reads for a project Berth lists: the first compose file's folder, as Compose
   * decides (`docker/` in a `docker/compose.<stack>.yml` layout). Throws for any other folder, so IPC can't name
   * arbitrary places on the machine.
   */
  async envDirectoryOf(directory: string): Promise<string> {
    const saved = (await this.options.store.list()).find((entry) => entry.directory === path.resolve(directory));
    const firstFile = saved?.files[0];
    if (saved) return firstFile ? path.dirname(path.join(saved.directory, firstFile)) : saved.directory;
    // A project found on the engine: its working-directory label is the folder Compose used.
    return (await this.loadOptionsFor({ directory })).workingDir;
  }

  remove(directory: string): Promise<boolean> {
    return this.options.store.remove(directory);
  }

  /** Loads the project as Berth runs it; `services` named are enabled with their profiles, as on Compose's command line. */
  async load(ref: ProjectRef, services: string[] = []): Promise<ComposeProject> {
    return this.options.runner.load({ ...(await this.loadOptionsFor(ref)), services });
  }

  private async loadOptionsFor(ref: ProjectRef): Promise<LoadOptions> {
    const env = this.options.env;
    if ('directory' in ref) {
      const saved = (await this.options.store.list()).find((entry) => entry.directory === path.resolve(ref.directory));
      if (saved) return { workingDir: saved.directory, files: saved.files, env };
      const row = (await this.engineProjects()).find((candidate) => candidate.workingDir === ref.directory);
      if (row) return fromLabels(row, env);
      throw new BerthError('E_NOT_FOUND', `${ref.directory} is not one of Berth's projects.`, {
        fix: 'Add the folder on the Projects page first.',
      });
    }
    const row = (await this.engineProjects()).find((candidate) => candidate.name === ref.name);
    if (!row) throw new BerthError('E_NOT_FOUND', `No Compose project named "${ref.name}" is on the engine.`);
    return fromLabels(row, env);
  }

  private async summarizeSaved(directory: string, files: string[]): Promise<ProjectSummary> {
    try {
      const project = await this.options.runner.load({ workingDir: directory, files, env: this.options.env });
      const berthFiles = berthFilesOf(project, this.options.runner.overrides);
      const own = project.configFiles.filter((file) => !berthFiles.has(file));
      return { name: project.name, directory, configFiles: own, saved: true, problem: null };
    } catch (error) {
      const configFiles = files.map((file) => path.join(directory, file));
      return {
        name: path.basename(directory),
        directory,
        configFiles,
        saved: true,
        problem: toErrorPayload(error).message,
      };
    }
  }

  private async engineProjects(): Promise<ProjectRow[]> {
    const docker = this.options.docker();
    if (!docker) return [];
    return listProjects(docker).catch(() => []);
  }
}

function splitFiles(labelValue: string): string[] {
  return labelValue ? labelValue.split(',') : [];
}

function fromLabels(row: ProjectRow, env: Record<string, string | undefined>): LoadOptions {
  const files = splitFiles(row.configFiles);
  if (!row.workingDir || files.length === 0 || !files.every((file) => existsSync(file))) {
    throw new BerthError('E_NOT_FOUND', `The Compose files of "${row.name}" are not on this machine any more.`, {
      fix: `Its containers can still be stopped or removed; or run \`berth down -p ${row.name}\`.`,
    });
  }
  return { workingDir: row.workingDir, files, projectName: row.name, env };
}
