/**
 * nvidia-smi's `--format=csv` output: `, `-separated cells, no quoting, an optional header whose names carry
 * units (`memory.total [MiB]`). Rows come back keyed by field name without the unit.
 */
export type CsvRow = Record<string, string>;

export interface CsvOptions {
  /** The fields asked for, in order, for `noheader` output; without it the first line is the header. */
  fields?: readonly string[];
  /**
   * A field whose value may itself contain `, ` (process names, Windows paths): extra cells are joined back into it.
   */
  freeTextField?: string;
}

const SEPARATOR = ', ';

export function fieldName(header: string): string {
  return header.replace(/\s*\[[^\]]*\]\s*$/, '').trim();
}

export function parseNvidiaCsv(text: string, options: CsvOptions = {}): CsvRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  let fields = options.fields;
  let body = lines;
  if (!fields) {
    fields = lines[0]!.split(',').map(fieldName);
    body = lines.slice(1);
  }
  return body.map((line) => toRow(line, fields, options.freeTextField));
}

function toRow(line: string, fields: readonly string[], freeTextField: string | undefined): CsvRow {
  let cells = line.split(SEPARATOR).map((cell) => cell.trim());
  const extra = cells.length - fields.length;
  const freeIndex = freeTextField ? fields.indexOf(freeTextField) : -1;
  if (extra > 0 && freeIndex >= 0) {
    const joined = cells.slice(freeIndex, freeIndex + extra + 1).join(SEPARATOR);
    cells = [...cells.slice(0, freeIndex), joined, ...cells.slice(freeIndex + extra + 1)];
  }
  const row: CsvRow = {};
  fields.forEach((field, index) => {
    row[field] = cells[index] ?? '';
  });
  return row;
}
