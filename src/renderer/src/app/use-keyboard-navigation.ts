import { useEffect } from 'react';
import { isPaletteShortcut, pageShortcutIndex } from '../keyboard/app-shortcuts';
import { PAGES } from '../stores/ui-slice';
import { useBerthStore } from '../stores/store';

/**
 * Ctrl/Cmd+1…9 switch pages and Ctrl/Cmd+K toggles the command palette, wherever focus is. The listener runs in
 * the capture phase, before any focused widget (a terminal, an editor) can swallow the key.
 */
export function useKeyboardNavigation(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const store = useBerthStore.getState();
      const index = pageShortcutIndex(event);
      if (index !== null) {
        event.preventDefault();
        store.setPaletteOpen(false);
        store.setPage(PAGES[index]!);
      } else if (isPaletteShortcut(event)) {
        event.preventDefault();
        store.setPaletteOpen(!store.paletteOpen);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
