import { Search } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { Kbd } from '../../components/Kbd';
import { useBerthStore } from '../../stores/store';
import { groupBySection, paletteCommands, type PaletteCommand } from './palette-commands';
import { matchesQuery } from './palette-match';
import './palette.css';

const MAX_SHOWN = 60;

/** The palette's content, mounted while open: the commands are built once per opening, from the store then. */
function PaletteContent({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = useMemo(() => paletteCommands(useBerthStore.getState()), []);
  const sections = useMemo(
    () => groupBySection(commands.filter((command) => matchesQuery(command.title, query)).slice(0, MAX_SHOWN)),
    [commands, query],
  );
  const shown = sections.flatMap(([, list]) => list);
  useEffect(() => {
    // Braces: Chromium's scrollIntoView may return a promise, which React would take for a cleanup function.
    document.getElementById(`palette-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  const error = useBerthStore((state) => state.paletteError);
  return (
    <>
      {error && <ErrorNote compact error={error} testId="palette-error" />}
      <div className="palette-input-row">
        <Search size={16} aria-hidden="true" />
        <input
          autoFocus
          role="combobox"
          aria-label="Command"
          aria-expanded="true"
          aria-controls="palette-results"
          aria-activedescendant={shown[active] ? `palette-${active}` : undefined}
          placeholder="Type a command: up, logs api, shell, theme…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((index) => Math.min(shown.length - 1, index + 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
            else if (event.key === 'Enter') run(shown[active]);
            else return;
            event.preventDefault();
          }}
          data-testid="palette-input"
        />
      </div>
      <div id="palette-results" role="listbox" aria-label="Commands" className="palette-results">
        {sections.map(([section, list], sectionIndex) => (
          <div
            key={section}
            role="group"
            aria-labelledby={`palette-section-${sectionIndex}`}
            data-testid="palette-section"
          >
            <div id={`palette-section-${sectionIndex}`} className="palette-section" role="presentation">
              {section}
            </div>
            {list.map((command) => {
              const index = shown.indexOf(command);
              return (
                <div
                  key={command.id}
                  id={`palette-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'palette-option active' : 'palette-option'}
                  onMouseMove={() => setActive(index)}
                  onClick={() => run(command)}
                  data-testid="palette-option"
                >
                  <span className="palette-title">{command.title}</span>
                  {command.hint && <Kbd keys={command.hint} />}
                </div>
              );
            })}
          </div>
        ))}
        {shown.length === 0 && <p className="palette-empty muted">No command matches.</p>}
      </div>
      <footer className="palette-footer muted">
        <Kbd keys="↑" /> <Kbd keys="↓" /> choose · <Kbd keys="Enter" /> run · <Kbd keys="Esc" /> close
      </footer>
    </>
  );
}

/** Ctrl/Cmd+K: type to filter, arrows to choose, Enter to run, Escape to close. */
export function CommandPalette() {
  const open = useBerthStore((state) => state.paletteOpen);
  const setOpen = useBerthStore((state) => state.setPaletteOpen);
  if (!open) return null;
  return (
    <RadixDialog.Root open onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay palette-overlay" />
        <RadixDialog.Content className="palette" data-testid="command-palette" aria-describedby={undefined}>
          <RadixDialog.Title className="visually-hidden">Command palette</RadixDialog.Title>
          <PaletteContent onClose={() => setOpen(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
