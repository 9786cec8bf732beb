import {
  Activity,
  Boxes,
  Cpu,
  Database,
  FolderKanban,
  HardDrive,
  Network,
  ScrollText,
  SquareTerminal,
  type LucideIcon,
} from 'lucide-react';
import { lazy, type ComponentType } from 'react';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import type { Page } from '../stores/ui-slice';

export type PageSection = 'Workspace' | 'Resources';

export interface PageEntry {
  icon: LucideIcon;
  section: PageSection;
  component: ComponentType;
  /** Stays mounted (hidden) once opened, so what it holds survives page switches (terminal sessions). */
  keepMounted?: boolean;
  /** Scrolls inside itself (a log view, a terminal): the page takes the window's height instead of growing. */
  fills?: boolean;
}

/** `import()` of a page's module, as a component React can suspend on: each page is its own chunk. */
function onDemand<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(async () => ({ default: pick(await load()) }));
}

/**
 * Every page: its icon, sidebar section and component. Projects is the landing page and ships in the first
 * chunk; the others load when first opened (xterm, for one, only when a terminal does). New pages (images, stats,
 * cluster) get an entry here and an id in `PAGES`.
 */
export const PAGE_REGISTRY: Record<Page, PageEntry> = {
  projects: { icon: FolderKanban, section: 'Workspace', component: ProjectsPage },
  containers: {
    icon: Boxes,
    section: 'Workspace',
    component: onDemand(
      () => import('../features/containers/ContainersPage'),
      (module) => module.ContainersPage,
    ),
  },
  logs: {
    icon: ScrollText,
    section: 'Workspace',
    fills: true,
    component: onDemand(
      () => import('../features/logs/LogsPage'),
      (module) => module.LogsPage,
    ),
  },
  terminals: {
    icon: SquareTerminal,
    section: 'Workspace',
    keepMounted: true,
    fills: true,
    component: onDemand(
      () => import('../features/terminals/TerminalsPage'),
      (module) => module.TerminalsPage,
    ),
  },
  volumes: {
    icon: HardDrive,
    section: 'Resources',
    component: onDemand(
      () => import('../features/volumes/VolumesPage'),
      (module) => module.VolumesPage,
    ),
  },
  gpus: {
    icon: Cpu,
    section: 'Resources',
    component: onDemand(
      () => import('../features/gpus/GpusPage'),
      (module) => module.GpusPage,
    ),
  },
  stats: {
    icon: Activity,
    section: 'Resources',
    component: onDemand(
      () => import('../features/stats/StatsPage'),
      (module) => module.StatsPage,
    ),
  },
  disk: {
    icon: Database,
    section: 'Resources',
    component: onDemand(
      () => import('../features/disk/DiskPage'),
      (module) => module.DiskPage,
    ),
  },
  cluster: {
    icon: Network,
    section: 'Resources',
    component: onDemand(
      () => import('../features/cluster/ClusterPage'),
      (module) => module.ClusterPage,
    ),
  },
};

export const PAGE_SECTIONS: PageSection[] = ['Workspace', 'Resources'];
