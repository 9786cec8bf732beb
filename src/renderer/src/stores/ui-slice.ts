import type { StateCreator } from 'zustand';
import type { ErrorPayload } from '@shared/errors';
import type { BerthStore } from './store';

/** The pages, in sidebar order; Ctrl/Cmd+1…n follow this order. Later pages (images, stats…) are added here. */
export const PAGES = [
  'projects',
  'containers',
  'logs',
  'terminals',
  // Ctrl+5 and Ctrl+6 kept their pages when Stats, Disk and Cluster came.
  'volumes',
  'gpus',
  'stats',
  'disk',
  'cluster',
] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_TITLES: Record<Page, string> = {
  projects: 'Projects',
  containers: 'Containers',
  logs: 'Logs',
  volumes: 'Volumes',
  gpus: 'GPUs',
  terminals: 'Terminals',
  stats: 'Stats',
  disk: 'Disk',
  cluster: 'Cluster',
};
export type ThemePreference = 'system' | 'light' | 'dark';

/** A dialog of the Projects page, opened from there or from elsewhere (the command palette). */
export type ProjectsDialog =
  | { kind: 'add' }
  | { kind: 'gallery' }
  | { kind: 'template'; templateId: string }
  | { kind: 'down' | 'env'; projectKey: string };

export interface UiSlice {
  page: Page;
  theme: ThemePreference;
  paletteOpen: boolean;
  /** Why the last command run from the palette failed: the palette opens again to say so. */
  paletteError: ErrorPayload | null;
  projectsDialog: ProjectsDialog | null;
  /** The engine switcher's menu (the palette's "Switch engine…" opens it). */
  engineMenuOpen: boolean;
  setPage(page: Page): void;
  setTheme(theme: ThemePreference): void;
  setPaletteOpen(open: boolean): void;
  showPaletteError(error: ErrorPayload): void;
  setProjectsDialog(dialog: ProjectsDialog | null): void;
  setEngineMenuOpen(open: boolean): void;
}

const THEME_KEY = 'berth.theme';

function storedTheme(): ThemePreference {
  const value = globalThis.localStorage?.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export const createUiSlice: StateCreator<BerthStore, [], [], UiSlice> = (set) => ({
  page: 'projects',
  theme: storedTheme(),
  paletteOpen: false,
  paletteError: null,
  projectsDialog: null,
  engineMenuOpen: false,
  setPage: (page) => set({ page }),
  setTheme: (theme) => {
    globalThis.localStorage?.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setPaletteOpen: (paletteOpen) => set({ paletteOpen, paletteError: null }),
  showPaletteError: (paletteError) => set({ paletteOpen: true, paletteError }),
  setProjectsDialog: (projectsDialog) => set({ projectsDialog }),
  setEngineMenuOpen: (engineMenuOpen) => set({ engineMenuOpen }),
});
