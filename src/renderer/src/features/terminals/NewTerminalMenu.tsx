import { Monitor, SquareTerminal } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ContainerSummary } from '@shared/schemas/containers';
import { Button } from '../../components/Button';
import { useEngineGate } from '../../status/engine-gate';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { openContainerShell, openHostShell } from './open-terminal';

const STANDALONE = 'Other containers';

/** Running containers by project, the open project's first, as the picker lists them. */
function useRunningByProject(openProject: string | null): Array<[string, ContainerSummary[]]> {
  const containers = useBerthStore((state) => state.containers);
  return useMemo(() => {
    const groups = new Map<string, ContainerSummary[]>();
    for (const container of Object.values(containers)) {
      if (container.state !== 'running') continue;
      const project = container.compose?.project ?? STANDALONE;
      groups.set(project, [...(groups.get(project) ?? []), container]);
    }
    const rank = (project: string) => (project === openProject ? 0 : project === STANDALONE ? 2 : 1);
    return [...groups]
      .map(
        ([project, list]) =>
          [project, list.sort((a, b) => a.name.localeCompare(b.name))] as [string, ContainerSummary[]],
      )
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  }, [containers, openProject]);
}

/** Opens a shell in a running container (the open project's first), or on this machine in the project folder. */
export function NewTerminalMenu() {
  const selectedKey = useBerthStore((state) => state.selectedProject);
  const openProject = useBerthStore(
    (state) => state.projects.find((project) => projectKey(project) === selectedKey) ?? null,
  );
  // Only a saved project's folder is known to be on this computer.
  const folder = openProject?.saved ? openProject.directory : null;
  const gate = useEngineGate();
  const groups = useRunningByProject(openProject?.name ?? null);
  const running = groups.flatMap(([, list]) => list);
  const [chosen, setChosen] = useState('');
  const [shell, setShell] = useState('');
  const [user, setUser] = useState('');
  const selected = running.find((container) => container.id === chosen) ?? running[0];

  return (
    <div className="terminal-new" data-testid="terminal-new">
      <label className="terminal-field">
        <span>Container</span>
        <select
          data-testid="terminal-container-select"
          value={selected?.id ?? ''}
          disabled={running.length === 0}
          onChange={(event) => setChosen(event.target.value)}
        >
          {running.length === 0 && <option value="">No running containers</option>}
          {groups.map(([project, list]) => (
            <optgroup key={project} label={project}>
              {list.map((container) => (
                <option key={container.id} value={container.id}>
                  {container.compose ? container.compose.service : container.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="terminal-field">
        <span>Shell</span>
        <input
          title="The program to run; empty: bash if the image has it, else sh"
          placeholder="bash, else sh"
          size={9}
          value={shell}
          onChange={(event) => setShell(event.target.value)}
        />
      </label>
      <label className="terminal-field">
        <span>As user</span>
        <input
          title="A user name or uid; empty: the image's default user"
          placeholder="image default"
          size={10}
          value={user}
          onChange={(event) => setUser(event.target.value)}
        />
      </label>
      <Button
        variant="primary"
        icon={<SquareTerminal size={15} aria-hidden="true" />}
        data-testid="terminal-open-container"
        disabled={!selected || !gate.connected}
        title={gate.reason ?? undefined}
        onClick={() =>
          selected && openContainerShell(selected.id, selected.name, { shell: shell.trim(), user: user.trim() })
        }
      >
        Open shell
      </Button>
      <Button
        icon={<Monitor size={15} aria-hidden="true" />}
        data-testid="terminal-open-host"
        title={folder ? `A shell on this computer, in ${folder}` : 'A shell on this computer'}
        onClick={() => (folder ? openHostShell(folder, `Host shell (${openProject?.name})`) : openHostShell())}
      >
        Host shell
      </Button>
    </div>
  );
}
