/**
 * What the command palette offers, built from the store when it opens: the open project's actions first, then
 * pages, general commands, other projects and their services. A command that is sure to fail is not offered
 * (nothing to stop, no GPU for a GPU stack, no engine at all).
 */
import { mlLinksFor } from '@shared/ml-links';
import type { ComposeAction, ProjectSummary } from '@shared/schemas/projects';
import { portUrl } from '../../components/PortLinks';
import { withMod } from '../../keyboard/app-shortcuts';
import { openPortLink, remotePortsOf } from '../../lib/open-port-link';
import { mainContainer } from '../../status/container-status';
import { projectKey } from '../../stores/project-key';
import type { BerthStore } from '../../stores/store';
import { PAGES, PAGE_TITLES } from '../../stores/ui-slice';
import { openLogs } from '../logs/logs-target';
import { containersByService } from '../projects/project-state';
import { gpuShortfall } from '../projects/service-view';
import { openContainerShell } from '../terminals/open-terminal';

export const PALETTE_SECTIONS = ['This project', 'Go to', 'General', 'Projects', 'Services'] as const;
export type PaletteSection = (typeof PALETTE_SECTIONS)[number];

export interface PaletteCommand {
  id: string;
  title: string;
  section: PaletteSection;
  /** A shortcut, shown at the right. */
  hint?: string;
  run(): void;
}

function showProject(store: BerthStore, key: string): void {
  store.selectProject(key);
  store.setPage('projects');
}

/** Every command about one project: whole-project actions, stacks, then each service's logs, shell and web UIs. */
function projectCommands(store: BerthStore, project: ProjectSummary, open: boolean): PaletteCommand[] {
  const key = projectKey(project);
  const name = project.name;
  const section: PaletteSection = open ? 'This project' : 'Projects';
  const serviceSection: PaletteSection = open ? 'This project' : 'Services';
  const connected = store.engine?.status === 'connected';
  const detail = store.details[key]?.detail ?? null;
  const byService = containersByService(store.containers, name);
  const containers = [...byService.values()].flat();
  const running = containers.some((container) => container.state === 'running');
  const compose = (action: ComposeAction, title: string, services: string[] = []): PaletteCommand => ({
    id: `${action}:${key}:${services.join(',')}`,
    title,
    section,
    run: () => {
      showProject(store, key);
      store.runCompose(key, action, services);
    },
  });

  const commands: PaletteCommand[] = [];
  if (!open)
    commands.push({ id: `open:${key}`, title: `Open project ${name}`, section, run: () => showProject(store, key) });
  if (connected && !project.problem) {
    commands.push(compose('up', `Up: start ${name}`));
    if (running) commands.push(compose('stop', `Stop ${name}`), compose('restart', `Restart ${name}`));
    commands.push(compose('pull', `Pull images of ${name}`));
    if (containers.length > 0) {
      commands.push({
        id: `down:${key}`,
        title: `Down: remove the containers of ${name}…`,
        section,
        run: () => {
          showProject(store, key);
          store.setProjectsDialog({ kind: 'down', projectKey: key });
        },
      });
    }
  }
  commands.push({
    id: `logs:${key}`,
    title: `Logs of ${name}`,
    section,
    run: () => openLogs({ kind: 'project', project: name }),
  });

  // Stacks only where the Projects page shows switches, and never one that needs a GPU the engine lacks.
  if (connected && detail && detail.stacks.length > 1) {
    for (const stack of detail.stacks) {
      const state = stack.services.filter((service) =>
        (byService.get(service) ?? []).some((container) => container.state === 'running'),
      ).length;
      if (state < stack.services.length && !gpuShortfall(stack, detail, store.gpuOverview?.capability)) {
        commands.push(compose('up', `Start stack ${stack.label} (${name})`, stack.services));
      }
      if (state > 0) commands.push(compose('stop', `Stop stack ${stack.label} (${name})`, stack.services));
    }
  }

  for (const [service, list] of byService) {
    const where = `${service} (${name})`;
    commands.push({
      id: `logs:${key}:${service}`,
      title: `Logs of ${where}`,
      section: serviceSection,
      run: () => openLogs({ kind: 'service', project: name, service }),
    });
    const main = mainContainer(list);
    if (!main || main.state !== 'running' || !connected) continue;
    commands.push({
      id: `shell:${main.id}`,
      title: `Open shell in ${where}`,
      section: serviceSection,
      run: () => openContainerShell(main.id, main.name),
    });
    const named = mlLinksFor(main.image, main.ports).map((link) => ({ label: link.label, url: link.url }));
    const raw = main.ports.map((port) => ({ label: `port ${port.hostPort}`, url: portUrl(port) }));
    for (const link of named.length > 0 ? named : raw) {
      commands.push({
        id: `web:${main.id}:${link.url}`,
        title: `Open ${link.label} of ${where} in the browser`,
        section: serviceSection,
        run: () =>
          void openPortLink(link, remotePortsOf(store.engine?.endpoint), main.id).then((opened) => {
            if (!opened.ok) store.showPaletteError(opened.error);
          }),
      });
    }
  }
  return commands;
}

export function paletteCommands(store: BerthStore): PaletteCommand[] {
  const open = store.projects.find((project) => projectKey(project) === store.selectedProject);
  const commands: PaletteCommand[] = [];
  if (open) commands.push(...projectCommands(store, open, true));
  PAGES.forEach((page, index) =>
    commands.push({
      id: `page:${page}`,
      title: `Go to ${PAGE_TITLES[page]}`,
      section: 'Go to',
      hint: withMod(String(index + 1)),
      run: () => store.setPage(page),
    }),
  );
  const dialog = (kind: 'add' | 'gallery') => () => {
    store.setPage('projects');
    store.setProjectsDialog({ kind });
  };
  commands.push(
    { id: 'add-folder', title: 'Add a project folder…', section: 'General', run: dialog('add') },
    { id: 'new-from-template', title: 'New project from a template…', section: 'General', run: dialog('gallery') },
    { id: 'engine:switch', title: 'Switch engine…', section: 'General', run: () => store.setEngineMenuOpen(true) },
    { id: 'theme:light', title: 'Theme: light', section: 'General', run: () => store.setTheme('light') },
    { id: 'theme:dark', title: 'Theme: dark', section: 'General', run: () => store.setTheme('dark') },
    { id: 'theme:system', title: 'Theme: follow the system', section: 'General', run: () => store.setTheme('system') },
  );
  for (const project of store.projects) {
    if (project !== open) commands.push(...projectCommands(store, project, false));
  }
  return commands;
}

/** The commands matching `query`, grouped by section in `PALETTE_SECTIONS` order (the open project's first). */
export function groupBySection(commands: readonly PaletteCommand[]): Array<[PaletteSection, PaletteCommand[]]> {
  return PALETTE_SECTIONS.map(
    (section) =>
      [section, commands.filter((command) => command.section === section)] as [PaletteSection, PaletteCommand[]],
  ).filter(([, list]) => list.length > 0);
}
