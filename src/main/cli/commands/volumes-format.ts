import type { VolumeEntry, VolumeList } from '@shared/schemas/volumes';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** How a value from the engine is shown: as it is, or escaped for a terminal (see volumes-terminal-text.ts). */
export type Show = (text: string) => string;

const asIs: Show = (text) => text;

/** `berth volumes ls`: one line per volume, then the bind mounts. */
export function formatVolumeList(list: VolumeList, show: Show = asIs): string {
  if (list.volumes.length === 0 && list.bindMounts.length === 0) return 'No volumes.\n';
  const volumes = table(
    ['NAME', 'PROJECT', 'DRIVER', 'USED BY'],
    list.volumes.map((volume) => [
      show(volume.name),
      volume.project ? show(`${volume.project}/${volume.composeName ?? ''}`) : '-',
      show(volume.driver),
      volume.dangling
        ? '(dangling)'
        : volume.usedBy.map((user) => show(`${user.containerName}:${user.destination}`)).join(', '),
    ]),
  );
  if (list.bindMounts.length === 0) return volumes;
  const binds = table(
    ['BIND MOUNT', 'CONTAINER', 'DESTINATION'],
    list.bindMounts.map((bind) => [
      show(bind.source),
      show(bind.containerName),
      `${show(bind.destination)}${bind.readOnly ? ' (ro)' : ''}`,
    ]),
  );
  return `${volumes}\n${binds}`;
}

const TYPE_LETTER: Record<VolumeEntry['type'], string> = { directory: 'd', symlink: 'l', file: '-', other: '?' };

function modeText(entry: VolumeEntry): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((letter, index) => ((entry.mode >> (8 - index)) & 1 ? letter : '-'))
    .join('');
  return TYPE_LETTER[entry.type] + bits;
}

/** `berth volumes ls-files`: like `ls -l`, with ISO times (UTC) so output is the same everywhere. */
export function formatEntries(entries: VolumeEntry[], show: Show = asIs): string {
  return entries
    .map((entry) => {
      const size = String(entry.size).padStart(10);
      const time = new Date(entry.mtimeMs).toISOString().slice(0, 19).replace('T', ' ');
      const link = entry.linkTarget === null ? '' : ` -> ${show(entry.linkTarget)}`;
      return `${modeText(entry)}  ${size}  ${time}  ${show(entry.name)}${link}\n`;
    })
    .join('');
}
