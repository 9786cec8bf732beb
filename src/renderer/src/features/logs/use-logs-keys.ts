import { useEffect, useRef, type RefObject } from 'react';

export interface LogsKeyActions {
  searchInput: RefObject<HTMLInputElement | null>;
  /** Next (1) or previous (-1) search match. */
  step(direction: 1 | -1): void;
  follow(): void;
}

/**
 * The viewer's keys, while the Logs page is open: Ctrl/Cmd+F finds, F3 / Ctrl/Cmd+G (with Shift: backwards) step
 * through matches, End follows again (outside text fields, where End moves the caret). Home, PageUp and the arrows
 * scroll the focused list natively, and scrolling up pauses following.
 */
export function useLogsKeys(actions: LogsKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { searchInput, step, follow } = latest.current;
      const command = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      if (command && key === 'f') {
        event.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
      } else if (event.key === 'F3' || (command && key === 'g')) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'End' && !command && !isTextField(event.target)) {
        event.preventDefault();
        follow();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
  );
}
