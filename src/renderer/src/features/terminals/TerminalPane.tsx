import { useEffect, useRef } from 'react';
import { terminalSessions } from './terminal-sessions';

/**
 * Shows one session's view. Every pane stays mounted while its tab is open (hidden when inactive), and the view
 * itself lives in the session registry, so neither a tab switch nor a page switch loses the screen.
 */
export function TerminalPane({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const view = terminalSessions.view(id);
    const element = host.current;
    if (!view || !element) return;
    view.attachTo(element);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => view.fit());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [id]);

  useEffect(() => {
    if (!active) return;
    const view = terminalSessions.view(id);
    view?.fit();
    view?.focus();
  }, [id, active]);

  return <div ref={host} className="terminal-pane" hidden={!active} data-testid="terminal-pane" data-terminal-id={id} />;
}
