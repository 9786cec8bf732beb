export interface TableOptions {
  /**
   * Least width of a column, padding included: the docker CLI's tables (`docker stats`, `docker images`, `docker
   * system df`) use Go's tabwriter with a minimum width of 10; Compose's own tables use none.
   */
  minWidth?: number;
}

/** Padding between columns, as the docker CLI prints tables. */
const PADDING = 3;

/** Left-aligned columns separated by at least three spaces, as the docker CLI prints tables. */
export function formatTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = headers.map((header, column) =>
    Math.max(
      options.minWidth ?? 0,
      PADDING + Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('')
      .trimEnd();
  return [headers, ...rows].map((cells) => `${line(cells)}\n`).join('');
}

/** Docker CLI's tabwriter minimum column width. */
export const DOCKER_TABLE = { minWidth: 10 } as const;
