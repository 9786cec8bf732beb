import { useEffect, useState } from 'react';
import { useBerthStore } from '../../stores/store';
import { NewTerminalMenu } from './NewTerminalMenu';
import { TerminalPane } from './TerminalPane';
import { TerminalTabs } from './TerminalTabs';
import { TerminalToolbar } from './TerminalToolbar';
import { terminalSessions, useTerminals } from './terminal-sessions';
import './terminals.css';

/** Stays mounted once opened (hidden when another page shows) so terminals keep running and keep their scrollback. */
export function TerminalsPage() {
  const visible = useBerthStore((state) => state.page === 'terminals');
  const { tabs, activeId } = useTerminals();
  const [searchOpenFor, setSearchOpenFor] = useState<string | null>(null);
  const active = tabs.find((tab) => tab.id === activeId);

  useEffect(() => {
    for (const tab of tabs) terminalSessions.view(tab.id)?.setFindHandler(() => setSearchOpenFor(tab.id));
  }, [tabs]);

  return (
    <div className="terminals-page" data-testid="terminals-page">
      <div className="terminal-bar">
        <NewTerminalMenu />
      </div>
      {tabs.length > 0 && <TerminalTabs tabs={tabs} activeId={activeId} />}
      {active && (
        <TerminalToolbar
          key={active.id}
          tab={active}
          searchOpen={searchOpenFor === active.id}
          onSearchOpenChange={(open) => setSearchOpenFor(open ? active.id : null)}
        />
      )}
      <div className="terminal-panes">
        {tabs.map((tab) => (
          <TerminalPane key={tab.id} id={tab.id} active={visible && tab.id === activeId} />
        ))}
        {tabs.length === 0 && (
          <p className="empty">
            No terminals yet. Open a shell in a running container (here, or with Shell on a service card or the
            Containers page), or a shell on this computer.
          </p>
        )}
      </div>
    </div>
  );
}
