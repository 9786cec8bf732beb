import { useEffect, useMemo, useState } from 'react';
import { useBerthStore } from '../../stores/store';
import { paletteCommands } from './palette-commands';
import { matchesQuery } from './palette-match';
import './palette.css';

const MAX_SHOWN = 50;

/** Ctrl/Cmd+K: type to filter, arrows to choose, Enter to run, Escape to close. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((current) => !current);
        setQuery('');
        setActive(0);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Built when the palette opens: the store changes with every engine event, the palette needn't.
  const commands = useMemo(() => (open ? paletteCommands(useBerthStore.getState()) : []), [open]);
  const matches = useMemo(
    () => commands.filter((command) => matchesQuery(command.title, query)).slice(0, MAX_SHOWN),
    [commands, query],
  );
  if (!open) return null;

  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    setOpen(false);
    command.run();
  };

  return (
    <div className="palette-backdrop" onClick={() => setOpen(false)}>
      <div
        className="palette"
        role="dialog"
        aria-label="Command palette"
        data-testid="command-palette"
        onClick={(event) => event.stopPropagation()}
      >
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-results"
          aria-activedescendant={matches[active] ? `palette-${active}` : undefined}
          placeholder="Start stack, open shell in…, logs of…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((index) => Math.min(matches.length - 1, index + 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
            else if (event.key === 'Enter') run(active);
            else if (event.key === 'Escape') setOpen(false);
            else return;
            event.preventDefault();
          }}
          data-testid="palette-input"
        />
        <ul id="palette-results" role="listbox">
          {matches.map((command, index) => (
            <li
              key={command.id}
              id={`palette-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : ''}
              onMouseEnter={() => setActive(index)}
              onClick={() => run(index)}
            >
              {command.title}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No command matches.</li>}
        </ul>
      </div>
    </div>
  );
}
