import { useEffect } from 'react';
import { PAGES } from '../stores/ui-slice';
import { useBerthStore } from '../stores/store';

/** Ctrl/Cmd+1…5 switch pages. */
export function useKeyboardNavigation(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const page = PAGES[Number(event.key) - 1];
      if (!page) return;
      event.preventDefault();
      useBerthStore.getState().setPage(page);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
