import { PAGES } from '../stores/ui-slice';

/**
 * The app's own shortcuts, in one place: the global listener runs them, the terminal lets them through instead of
 * sending them to the shell, and the sidebar and the palette show them.
 */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl" or "⌘", as the user's keyboard says it. */
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

export function withMod(key: string): string {
  return `${MOD_KEY}+${key}`;
}

function hasOnlyMod(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** Ctrl/Cmd+1…n → the page's index, by the key's position (so it works on layouts where digits need Shift). */
export function pageShortcutIndex(event: KeyboardEvent): number | null {
  if (!hasOnlyMod(event)) return null;
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  const index = digit === null ? -1 : Number(digit) - 1;
  return index >= 0 && index < PAGES.length ? index : null;
}

export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return hasOnlyMod(event) && (event.code === 'KeyK' || event.key.toLowerCase() === 'k');
}

/** True for every key the app handles itself, wherever focus is (a terminal included). */
export function isAppShortcut(event: KeyboardEvent): boolean {
  return pageShortcutIndex(event) !== null || isPaletteShortcut(event);
}
