import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { VolumeEntry } from '@shared/schemas/volumes';
import { File, FileQuestion, Folder, Link2, type LucideIcon } from 'lucide-react';
import { fileKind } from './file-kinds';
import { formatBytes, formatMode, formatTime } from './format';

interface EntryTableProps {
  entries: VolumeEntry[];
  selected: number;
  onSelect(index: number): void;
  onOpen(entry: VolumeEntry): void;
  onUp(): void;
  onDelete(entry: VolumeEntry): void;
  sizes: Record<string, number>;
}

const ICONS: Record<VolumeEntry['type'], LucideIcon> = {
  directory: Folder,
  file: File,
  symlink: Link2,
  other: FileQuestion,
};

/** The entries of one page; arrows move, Enter opens, Backspace goes up, Delete asks to delete. */
export function EntryTable({ entries, selected, onSelect, onOpen, onUp, onDelete, sizes }: EntryTableProps) {
  const table = useRef<HTMLTableElement>(null);

  // Keep keyboard focus on the selected row, also after opening a folder replaced every row (focus fell to <body>).
  useEffect(() => {
    const active = document.activeElement;
    if (active !== document.body && !table.current?.contains(active)) return;
    const row = table.current?.tBodies[0]?.children[selected] as HTMLElement | undefined;
    (row ?? table.current)?.focus();
  }, [entries, selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    const entry = entries[selected];
    if (event.key === 'ArrowDown') onSelect(Math.min(selected + 1, entries.length - 1));
    else if (event.key === 'ArrowUp') onSelect(Math.max(selected - 1, 0));
    else if (event.key === 'Home') onSelect(0);
    else if (event.key === 'End') onSelect(entries.length - 1);
    else if (event.key === 'Enter' && entry) onOpen(entry);
    else if (event.key === 'Backspace') onUp();
    else if (event.key === 'Delete' && entry) onDelete(entry);
    else return;
    event.preventDefault();
  };

  return (
    <table
      ref={table}
      className="data-table volume-entries"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="volume-entries"
    >
      <thead>
        <tr>
          <th className="col-name">Name</th>
          <th className="col-size">Size</th>
          <th className="col-modified">Modified</th>
          <th className="col-mode">Mode</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => {
          const Icon = ICONS[entry.type];
          const kind = entry.type === 'file' ? fileKind(entry.name) : null;
          return (
            <tr
              key={entry.name}
              tabIndex={index === selected ? 0 : -1}
              className={index === selected ? 'selected' : undefined}
              aria-selected={index === selected}
              data-testid="volume-entry"
              data-name={entry.name}
              data-type={entry.type}
              onClick={() => onSelect(index)}
              onDoubleClick={() => onOpen(entry)}
            >
              <td title={kind ? `${entry.name} · ${kind.label}` : entry.name}>
                <span className="entry-name">
                  <Icon size={15} aria-hidden="true" className={`entry-icon entry-${entry.type}`} />
                  <span className="truncate">
                    {entry.name}
                    {entry.linkTarget !== null && <span className="muted"> → {entry.linkTarget}</span>}
                  </span>
                </span>
              </td>
              <td>
                {entry.type === 'directory'
                  ? sizes[entry.name] !== undefined
                    ? formatBytes(sizes[entry.name]!)
                    : ''
                  : formatBytes(entry.size)}
              </td>
              <td>{formatTime(entry.mtimeMs)}</td>
              <td className="mono">{formatMode(entry.type, entry.mode)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
