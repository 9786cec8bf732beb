/**
 * Loads a project the way Berth runs it: the user's files plus the override files Berth owns for it (GPU
 * assignments made in the app). The project name decides which overrides apply, so the files are loaded once to
 * learn it and again with the overrides when there are any.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { gpuAssignmentOverride } from '../../gpus/gpu-assignment-override';
import { loadProject, type ComposeProject, type LoadOptions } from '../load';
import type { GpuAssignmentsStore } from './gpu-assignments-store';
import { overrideFilePath } from './state-dir';

export interface BerthOverrides {
  stateDir: string;
  gpuAssignments: GpuAssignmentsStore;
}

export async function loadProjectWithOverrides(
  options: LoadOptions,
  overrides: BerthOverrides,
): Promise<ComposeProject> {
  const project = await loadProject(options);
  const assigned = await overrides.gpuAssignments.forProject(project.name);
  const overridePath = overrideFilePath(overrides.stateDir, project.name, 'gpu-assignment');
  // A service renamed or removed since it was assigned would turn into a stub service without an image.
  const known = { ...project.model.services, ...project.disabledServices };
  const assignments = Object.entries(assigned)
    .filter(([service]) => service in known)
    .map(([service, deviceIds]) => ({ service, deviceIds, resetGpusKey: known[service]!.gpus !== undefined }));
  if (assignments.length === 0) {
    await rm(overridePath, { force: true });
    return project;
  }
  await writeFileAtomic(overridePath, gpuAssignmentOverride(assignments));
  return loadProject({
    ...options,
    files: [...project.configFiles, overridePath],
    projectName: project.name,
    projectDirectory: project.workingDir,
  });
}

/** The override files Berth added to the project (the user's files are the others). */
export function berthFilesOf(project: ComposeProject, overrides: Pick<BerthOverrides, 'stateDir'>): Set<string> {
  const prefix = overrides.stateDir + path.sep;
  return new Set(project.configFiles.filter((file) => file.startsWith(prefix)));
}
