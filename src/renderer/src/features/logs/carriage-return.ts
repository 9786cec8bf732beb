/**
 * What a terminal would show for a line that contains carriage returns: each part after a `\r` overwrites the
 * start of what came before, so a progress bar (tqdm, pip, curl) collapses to its latest state.
 */
export function collapseCarriageReturns(line: string): string {
  if (!line.includes('\r')) return line;
  let shown = '';
  for (const part of line.split('\r')) {
    shown = part.length >= shown.length ? part : part + shown.slice(part.length);
  }
  return shown;
}
