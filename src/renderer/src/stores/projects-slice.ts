import type { StateCreator } from 'zustand';
import type { ErrorPayload } from '@shared/errors';
import type {
  ComposeAction,
  ComposeOperationInput,
  ProjectDetail,
  ProjectSummary,
  Template,
} from '@shared/schemas/projects';
import { api, subscribe } from '../lib/api';
import {
  finished,
  recoveredServices,
  serviceErrors,
  startedOperation,
  withProgress,
  type OperationState,
} from './operation-progress';
import { projectKey, projectRef } from './project-key';
import type { BerthStore } from './store';

export interface ProjectsSlice {
  projects: ProjectSummary[];
  projectsLoaded: boolean;
  projectsError: ErrorPayload | null;
  /** The open project, by `projectKey`. */
  selectedProject: string | null;
  /** Loaded project details, by `projectKey`. */
  details: Record<string, { detail: ProjectDetail | null; error: ErrorPayload | null }>;
  templates: Template[];
  /** The last Compose operation of each project, by `projectKey`. */
  operations: Record<string, OperationState>;
  /** Errors that stay on a service's card until dismissed or until the service comes up: by key, then service. */
  serviceErrors: Record<string, Record<string, ErrorPayload>>;
  loadProjects(): Promise<void>;
  selectProject(key: string | null): void;
  loadDetail(key: string): Promise<void>;
  loadTemplates(): Promise<void>;
  removeProject(directory: string): Promise<void>;
  runCompose(key: string, action: ComposeAction, services?: string[], options?: ComposeOptions): void;
  cancelCompose(key: string): void;
  dismissServiceError(key: string, service: string): void;
  /** Forgets a finished operation's banner (its failure, a cancel notice). */
  dismissOperation(key: string): void;
}

/** `removeVolumes`: down only, the named volumes the user confirmed. `withoutGpu`: up only, "Start without GPU". */
export type ComposeOptions = Pick<ComposeOperationInput, 'removeVolumes' | 'withoutGpu'>;

/** Stream handles stay outside the store: they are not data to render. */
const openOperations = new Map<string, () => void>();

export const createProjectsSlice: StateCreator<BerthStore, [], [], ProjectsSlice> = (set, get) => {
  const setOperation = (key: string, change: (state: OperationState) => OperationState) =>
    set((state) => {
      const current = state.operations[key];
      return current ? { operations: { ...state.operations, [key]: change(current) } } : {};
    });

  /** Folds a finished operation's outcome into the errors its cards keep. */
  const settleServiceErrors = (key: string, operation: OperationState) =>
    set((state) => {
      const kept = { ...state.serviceErrors[key] };
      for (const service of recoveredServices(operation)) delete kept[service];
      Object.assign(kept, serviceErrors(operation));
      return { serviceErrors: { ...state.serviceErrors, [key]: kept } };
    });

  return {
    projects: [],
    projectsLoaded: false,
    projectsError: null,
    selectedProject: null,
    details: {},
    templates: [],
    operations: {},
    serviceErrors: {},
    loadProjects: async () => {
      const result = await api.projects.list();
      if (!result.ok) return set({ projectsError: result.error, projectsLoaded: true });
      const selected = get().selectedProject;
      const stillThere = result.value.some((project) => projectKey(project) === selected);
      const first = result.value[0];
      set({
        projects: result.value,
        projectsLoaded: true,
        projectsError: null,
        selectedProject: stillThere ? selected : first ? projectKey(first) : null,
      });
    },
    selectProject: (key) => set({ selectedProject: key }),
    loadDetail: async (key) => {
      const project = get().projects.find((candidate) => projectKey(candidate) === key);
      if (!project) return;
      const result = await api.projects.detail({ project: projectRef(project) });
      set((state) => ({
        details: {
          ...state.details,
          [key]: result.ok ? { detail: result.value, error: null } : { detail: null, error: result.error },
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
    runCompose: (key, action, services = [], options = {}) => {
      const project = get().projects.find((candidate) => projectKey(candidate) === key);
      if (!project || openOperations.has(key)) return;
      set((state) => ({ operations: { ...state.operations, [key]: startedOperation(action, services) } }));
      const close = subscribe(
        'compose',
        { project: projectRef(project), action, services, ...options },
        {
          onMessage: (message) => {
            if (message.type === 'progress') setOperation(key, (state) => withProgress(state, message.event));
          },
          onClose: (error) => {
            openOperations.delete(key);
            setOperation(key, (state) => finished(state, error));
            const operation = get().operations[key];
            if (operation) settleServiceErrors(key, operation);
            void get().loadDetail(key);
          },
        },
      );
      openOperations.set(key, close);
    },
    cancelCompose: (key) => {
      openOperations.get(key)?.();
      openOperations.delete(key);
      setOperation(key, (state) =>
        state.status === 'running'
          ? finished(state, { code: 'E_CANCELLED', message: `${state.action} was cancelled.` })
          : state,
      );
    },
    dismissServiceError: (key, service) =>
      set((state) => {
        const kept = { ...state.serviceErrors[key] };
        delete kept[service];
        return { serviceErrors: { ...state.serviceErrors, [key]: kept } };
      }),
    dismissOperation: (key) =>
      set((state) => {
        const operations = { ...state.operations };
        if (operations[key]?.status !== 'running') delete operations[key];
        return { operations };
      }),
  };
};
