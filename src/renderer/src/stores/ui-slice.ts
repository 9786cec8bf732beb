import type { StateCreator } from 'zustand';
import type { BerthStore } from './store';

export const PAGES = ['projects', 'containers', 'logs', 'terminals', 'volumes', 'gpus'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_TITLES: Record<Page, string> = {
  projects: 'Projects',
  containers: 'Containers',
  logs: 'Logs',
  volumes: 'Volumes',
  gpus: 'GPUs',
  terminals: 'Terminals',
};
export type ThemePreference = 'system' | 'light' | 'dark';

export interface UiSlice {
  page: Page;
  theme: ThemePreference;
  setPage(page: Page): void;
  setTheme(theme: ThemePreference): void;
}

const THEME_KEY = 'berth.theme';

function storedTheme(): ThemePreference {
  const value = globalThis.localStorage?.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export const createUiSlice: StateCreator<BerthStore, [], [], UiSlice> = (set) => ({
  page: 'projects',
  theme: storedTheme(),
  setPage: (page) => set({ page }),
  setTheme: (theme) => {
    globalThis.localStorage?.setItem(THEME_KEY, theme);
    set({ theme });
  },
});
