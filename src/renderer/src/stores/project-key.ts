import type { ProjectRef, ProjectSummary } from '@shared/schemas/projects';

/**
 * What identifies a project in the UI: its folder when known, else its Compose name. Two projects may share a
 * name (two copies of a template), never a folder, so the list, the selection and operations are keyed by this.
 */
export function projectKey(project: Pick<ProjectSummary, 'name' | 'directory'>): string {
  return project.directory ? `dir:${project.directory}` : `name:${project.name}`;
}

/** How operations address the project: a saved one by its folder, one found on the engine by its name. */
export function projectRef(project: ProjectSummary): ProjectRef {
  return project.saved && project.directory ? { directory: project.directory } : { name: project.name };
}
