import type { StateCreator } from 'zustand';
import type { ErrorPayload } from '@shared/errors';
import type { ComposeAction, ProjectDetail, ProjectRef, ProjectSummary, Template } from '@shared/schemas/projects';
import { finished, startedOperation, withProgress, type OperationState } from '../features/projects/operation-progress';
import { api, subscribe } from '../lib/api';
import type { BerthStore } from './store';

export interface ProjectsSlice {
  projects: ProjectSummary[];
  projectsLoaded: boolean;
  projectsError: ErrorPayload | null;
  selectedProject: string | null;
  details: Record<string, { detail: ProjectDetail | null; error: ErrorPayload | null }>;
  templates: Template[];
  /** The last Compose operation of each project, by project name. */
  operations: Record<string, OperationState>;
  loadProjects(): Promise<void>;
  selectProject(name: string | null): void;
  loadDetail(name: string): Promise<void>;
  loadTemplates(): Promise<void>;
  removeProject(directory: string): Promise<void>;
  runCompose(name: string, action: ComposeAction, services?: string[], removeVolumes?: string[]): void;
  cancelCompose(name: string): void;
}

export function projectRef(project: ProjectSummary): ProjectRef {
  return project.saved && project.directory ? { directory: project.directory } : { name: project.name };
}

/** Stream handles stay outside the store: they are not data to render. */
const openOperations = new Map<string, () => void>();

export const createProjectsSlice: StateCreator<BerthStore, [], [], ProjectsSlice> = (set, get) => {
  const setOperation = (name: string, change: (state: OperationState) => OperationState) =>
    set((state) => {
      const current = state.operations[name];
      return current ? { operations: { ...state.operations, [name]: change(current) } } : {};
    });

  return {
    projects: [],
    projectsLoaded: false,
    projectsError: null,
    selectedProject: null,
    details: {},
    templates: [],
    operations: {},
    loadProjects: async () => {
      const result = await api.projects.list();
      if (!result.ok) return set({ projectsError: result.error, projectsLoaded: true });
      const selected = get().selectedProject;
      const stillThere = result.value.some((project) => project.name === selected);
      set({
        projects: result.value,
        projectsLoaded: true,
        projectsError: null,
        selectedProject: stillThere ? selected : (result.value[0]?.name ?? null),
      });
    },
    selectProject: (name) => set({ selectedProject: name }),
    loadDetail: async (name) => {
      const project = get().projects.find((candidate) => candidate.name === name);
      if (!project) return;
      const result = await api.projects.detail({ project: projectRef(project) });
      set((state) => ({
        details: {
          ...state.details,
          [name]: result.ok ? { detail: result.value, error: null } : { detail: null, error: result.error },
        },
      }));
    },
    loadTemplates: async () => {
      const result = await api.templates.list();
      if (result.ok) set({ templates: result.value });
    },
    removeProject: async (directory) => {
      await api.projects.remove({ directory });
      await get().loadProjects();
    },
    runCompose: (name, action, services = [], removeVolumes) => {
      const project = get().projects.find((candidate) => candidate.name === name);
      if (!project || openOperations.has(name)) return;
      set((state) => ({ operations: { ...state.operations, [name]: startedOperation(action, services) } }));
      const close = subscribe(
        'compose',
        { project: projectRef(project), action, services, ...(removeVolumes ? { removeVolumes } : {}) },
        {
          onMessage: (message) => {
            if (message.type === 'progress') setOperation(name, (state) => withProgress(state, message.event));
          },
          onClose: (error) => {
            openOperations.delete(name);
            setOperation(name, (state) => finished(state, error));
            void get().loadDetail(name);
          },
        },
      );
      openOperations.set(name, close);
    },
    cancelCompose: (name) => {
      openOperations.get(name)?.();
      openOperations.delete(name);
      setOperation(name, (state) =>
        state.status === 'running'
          ? finished(state, { code: 'E_CANCELLED', message: `${state.action} was cancelled.` })
          : state,
      );
    },
  };
};
