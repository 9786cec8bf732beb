/**
 * A .env file as editable rows: assignments become key/value rows, everything else (comments, blank lines) is
 * kept verbatim, so saving changes only what was edited. Values stay as written (quotes included).
 */
export type EnvLine =
  { kind: 'entry'; exported: boolean; key: string; value: string } | { kind: 'other'; text: string };

const ASSIGNMENT = /^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;

export function parseEnvLines(text: string): EnvLine[] {
  if (text === '') return [];
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.map((line): EnvLine => {
    const match = ASSIGNMENT.exec(line);
    return match
      ? { kind: 'entry', exported: Boolean(match[1]), key: match[2]!, value: match[3]! }
      : { kind: 'other', text: line };
  });
}

export function serializeEnvLines(lines: EnvLine[]): string {
  if (lines.length === 0) return '';
  const text = lines
    .map((line) => (line.kind === 'other' ? line.text : `${line.exported ? 'export ' : ''}${line.key}=${line.value}`))
    .join('\n');
  return `${text}\n`;
}

export function isValidEnvKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key);
}
