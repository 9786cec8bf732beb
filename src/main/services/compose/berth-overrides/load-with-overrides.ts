/**
 * Loads a project the way Berth runs it: the user's files plus the override files Berth owns for it (GPU pins
 * made in the app), passed to the loader from memory — loading never writes. The project name decides which
 * pins apply, so the files are loaded once to learn it and again with the override when there is one.
 */
import path from 'node:path';
import { loadProject, type ComposeProject, type LoadOptions, type ProjectLoadCache } from '../load';
import { gpuAssignmentFile } from './gpu-assignment-override';

/** The GPUs pinned to a project's services (GpuAssignmentsStore is one). */
export interface GpuPins {
  forProject(project: string): Promise<Record<string, string[]>>;
}

export interface BerthOverrides {
  stateDir: string;
  gpuAssignments: GpuPins;
  /** Loads of unchanged projects are answered from here (a long-lived caller such as the app passes one). */
  cache?: ProjectLoadCache;
}

export async function loadProjectWithOverrides(
  options: LoadOptions,
  overrides: BerthOverrides,
): Promise<ComposeProject> {
  const base: LoadOptions = { ...options, cache: options.cache ?? overrides.cache };
  // Warnings of the first load are passed on only when it is the last one (or fails), so none is printed twice.
  const held: string[] = [];
  const passOn = () => held.forEach((message) => options.onWarning?.(message));
  let project: ComposeProject;
  try {
    project = await loadProject({ ...base, onWarning: (message) => held.push(message) });
  } catch (error) {
    passOn();
    throw error;
  }
  const pinned = await overrides.gpuAssignments.forProject(project.name);
  const override = gpuAssignmentFile(overrides.stateDir, project, pinned);
  if (override === undefined) {
    passOn();
    return project;
  }
  return loadProject({
    ...base,
    projectName: project.name,
    projectDirectory: project.workingDir,
    inMemoryFiles: [...(options.inMemoryFiles ?? []), override],
  });
}

/** The override files Berth added to the project (the user's files are the others). */
export function berthFilesOf(project: ComposeProject, overrides: Pick<BerthOverrides, 'stateDir'>): Set<string> {
  const prefix = overrides.stateDir + path.sep;
  return new Set(project.configFiles.filter((file) => file.startsWith(prefix)));
}
