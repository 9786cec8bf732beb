/**
 * Parses CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) or TSV into rows, up to `maxRows`.
 * A preview may end in the middle of a row; that last partial row is dropped when `truncated`.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t', maxRows: number, truncated: boolean): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (index < text.length && rows.length < maxRows) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
    } else {
      field += char;
    }
    index += 1;
  }
  const atEnd = index >= text.length;
  if (atEnd && (field !== '' || row.length > 0) && !truncated) endRow();
  return rows;
}
