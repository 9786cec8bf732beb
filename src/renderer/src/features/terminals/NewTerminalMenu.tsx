import { useMemo, useState } from 'react';
import { useBerthStore } from '../../stores/store';
import { openContainerShell, openHostShell } from './open-terminal';

/** Opens a shell in a running container, or on this machine. */
export function NewTerminalMenu() {
  const containers = useBerthStore((state) => state.containers);
  const running = useMemo(
    () =>
      Object.values(containers)
        .filter((container) => container.state === 'running')
        .sort((a, b) => a.name.localeCompare(b.name)),
    [containers],
  );
  const [chosen, setChosen] = useState('');
  const [shell, setShell] = useState('');
  const [user, setUser] = useState('');
  const selected = running.find((container) => container.id === chosen) ?? running[0];

  return (
    <div className="terminal-new" data-testid="terminal-new">
      <select
        aria-label="Container"
        data-testid="terminal-container-select"
        value={selected?.id ?? ''}
        disabled={running.length === 0}
        onChange={(event) => setChosen(event.target.value)}
      >
        {running.length === 0 && <option value="">No running containers</option>}
        {running.map((container) => (
          <option key={container.id} value={container.id}>
            {container.name}
          </option>
        ))}
      </select>
      <input
        aria-label="Shell"
        title="The shell to run; empty: bash, then sh"
        placeholder="shell: auto"
        size={10}
        value={shell}
        onChange={(event) => setShell(event.target.value)}
      />
      <input
        aria-label="User"
        title="Run as this user (name or uid); empty: the container's user"
        placeholder="user: default"
        size={10}
        value={user}
        onChange={(event) => setUser(event.target.value)}
      />
      <button
        type="button"
        data-testid="terminal-open-container"
        disabled={!selected}
        onClick={() =>
          selected && openContainerShell(selected.id, selected.name, { shell: shell.trim(), user: user.trim() })
        }
      >
        Open shell
      </button>
      <button type="button" data-testid="terminal-open-host" onClick={() => openHostShell()}>
        Host shell
      </button>
    </div>
  );
}
