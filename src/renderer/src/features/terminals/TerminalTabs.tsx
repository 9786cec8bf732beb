import type { TerminalTab } from './terminal-sessions';
import { terminalSessions } from './terminal-sessions';

function statusLabel(tab: TerminalTab): string {
  if (tab.status === 'exited') return `exited ${tab.exitCode ?? '?'}`;
  return tab.status === 'running' ? '' : tab.status;
}

export function TerminalTabs({ tabs, activeId }: { tabs: TerminalTab[]; activeId: string | null }) {
  return (
    <div className="terminal-tabs" role="tablist" aria-label="Terminals">
      {tabs.map((tab) => (
        <div
          key={tab.id}
          className={`terminal-tab${tab.id === activeId ? ' active' : ''}`}
          data-testid="terminal-tab"
          data-terminal-id={tab.id}
          data-status={tab.status}
        >
          <button
            type="button"
            role="tab"
            aria-selected={tab.id === activeId}
            className="terminal-tab-title"
            title={tab.shell ? `${tab.title} (${tab.shell})` : tab.title}
            onClick={() => terminalSessions.activate(tab.id)}
          >
            <span className={`state-dot terminal-state-${tab.status}`} aria-hidden="true" />
            {tab.title}
            {statusLabel(tab) && <span className="terminal-tab-status">{statusLabel(tab)}</span>}
          </button>
          <button
            type="button"
            className="terminal-tab-close"
            aria-label={`Close ${tab.title}`}
            data-testid="terminal-tab-close"
            onClick={() => terminalSessions.close(tab.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
