/** Left-aligned columns separated by three spaces, as the docker CLI prints tables. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('   ')
      .trimEnd();
  return [headers, ...rows].map((cells) => `${line(cells)}\n`).join('');
}
