export type TerminalKeyAction = 'copy' | 'paste' | 'find' | 'zoom-in' | 'zoom-out' | 'zoom-reset';

/**
 * Berth's shortcuts inside a terminal. Ctrl+C and Ctrl+V alone belong to the shell (interrupt, literal next), so
 * copy and paste take Shift as in most Linux terminals; Cmd works too on macOS.
 */
export function terminalKeyAction(event: KeyboardEvent): TerminalKeyAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  const shiftOrCmd = event.shiftKey || event.metaKey;
  if (shiftOrCmd && key === 'c') return 'copy';
  if (shiftOrCmd && key === 'v') return 'paste';
  if (shiftOrCmd && key === 'f') return 'find';
  if (key === '=' || key === '+') return 'zoom-in';
  if (key === '-' || key === '_') return 'zoom-out';
  if (key === '0') return 'zoom-reset';
  return null;
}
