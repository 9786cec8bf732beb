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
      <button
        type="button"
        data-testid="terminal-open-container"
        disabled={!selected}
        onClick={() => selected && openContainerShell(selected.id, selected.name)}
      >
        Open shell
      </button>
      <button type="button" data-testid="terminal-open-host" onClick={() => openHostShell()}>
        Host shell
      </button>
    </div>
  );
}
