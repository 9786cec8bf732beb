import { useEffect, useRef } from 'react';
import { terminalSessions } from './terminal-sessions';

/**
 * Shows one session's view. Every pane stays mounted while its tab is open (hidden when inactive), and the view
 * itself lives in the session registry, so neither a tab switch nor a page switch loses the screen.
 */
export function TerminalPane({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => terminalSessions.view(id)?.fit());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [id]);

  useEffect(() => {
    const view = terminalSessions.view(id);
    if (!active || !view || !host.current) return;
    // Opened only once visible: xterm measures its cells when it opens, and a hidden pane has no size.
    view.attachTo(host.current);
    view.fit();
    view.focus();
  }, [id, active]);

  return (
    <div ref={host} className="terminal-pane" hidden={!active} data-testid="terminal-pane" data-terminal-id={id} />
  );
}
