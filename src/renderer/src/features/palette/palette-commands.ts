/** What the command palette offers, built from the store: pages, projects, stacks, shells and logs. */
import type { ComposeAction } from '@shared/schemas/projects';
import type { BerthStore } from '../../stores/store';
import { PAGES, PAGE_TITLES } from '../../stores/ui-slice';
import { openLogs } from '../logs/logs-target';
import { containersByService } from '../projects/project-state';
import { openContainerShell } from '../terminals/open-terminal';

export interface PaletteCommand {
  id: string;
  title: string;
  run(): void;
}

function showProject(store: BerthStore, project: string): void {
  store.selectProject(project);
  store.setPage('projects');
}

function composeCommand(
  store: BerthStore,
  project: string,
  action: ComposeAction,
  title: string,
  services: string[] = [],
): PaletteCommand {
  return {
    id: `${action}:${project}:${services.join(',')}`,
    title,
    run: () => {
      showProject(store, project);
      store.runCompose(project, action, services);
    },
  };
}

export function paletteCommands(store: BerthStore): PaletteCommand[] {
  const commands: PaletteCommand[] = PAGES.map((page) => ({
    id: `page:${page}`,
    title: `Go to ${PAGE_TITLES[page]}`,
    run: () => store.setPage(page),
  }));
  for (const project of store.projects) {
    const name = project.name;
    commands.push(
      { id: `open:${name}`, title: `Open project ${name}`, run: () => showProject(store, name) },
      composeCommand(store, name, 'up', `Start project ${name}`),
      composeCommand(store, name, 'stop', `Stop project ${name}`),
      composeCommand(store, name, 'restart', `Restart project ${name}`),
      { id: `logs:${name}`, title: `Logs of ${name}`, run: () => openLogs({ kind: 'project', project: name }) },
    );
    for (const stack of store.details[name]?.detail?.stacks ?? []) {
      commands.push(
        composeCommand(store, name, 'up', `Start stack ${stack.label} (${name})`, stack.services),
        composeCommand(store, name, 'stop', `Stop stack ${stack.label} (${name})`, stack.services),
      );
    }
    for (const [service, containers] of containersByService(store.containers, name)) {
      commands.push({
        id: `logs:${name}:${service}`,
        title: `Logs of ${service} (${name})`,
        run: () => openLogs({ kind: 'service', project: name, service }),
      });
      const running = containers.find((container) => container.state === 'running');
      if (running) {
        commands.push({
          id: `shell:${running.id}`,
          title: `Open shell in ${service} (${name})`,
          run: () => openContainerShell(running.id, running.name),
        });
      }
    }
  }
  return commands;
}
