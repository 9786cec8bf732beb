import { X } from 'lucide-react';
import { StatusDot } from '../../components/StatusDot';
import type { Tone } from '../../components/tone';
import type { TerminalStatus, TerminalTab } from './terminal-sessions';
import { terminalSessions } from './terminal-sessions';

const STATUS_TONES: Record<TerminalStatus, Tone> = { starting: 'warn', running: 'ok', exited: 'idle', failed: 'bad' };

function statusLabel(tab: TerminalTab): string {
  if (tab.status === 'exited') return `exited ${tab.exitCode ?? '?'}`;
  return tab.status === 'running' ? '' : tab.status;
}

/** One tab per session, with a live dot: amber while starting, green while its shell runs, grey once it ended. */
export function TerminalTabs({ tabs, activeId }: { tabs: TerminalTab[]; activeId: string | null }) {
  return (
    <ul className="terminal-tabs" aria-label="Terminals">
      {tabs.map((tab) => (
        <li
          key={tab.id}
          className={`terminal-tab${tab.id === activeId ? ' active' : ''}`}
          data-testid="terminal-tab"
          data-terminal-id={tab.id}
          data-status={tab.status}
        >
          <button
            type="button"
            aria-current={tab.id === activeId ? 'true' : undefined}
            className="terminal-tab-title"
            data-testid="terminal-tab-title"
            title={tab.shell ? `${tab.title} (${tab.shell})` : tab.title}
            onClick={() => terminalSessions.activate(tab.id)}
          >
            <StatusDot tone={STATUS_TONES[tab.status]} pulse={tab.status === 'starting'} />
            <span className="terminal-tab-name">{tab.title}</span>
            {statusLabel(tab) && <span className="terminal-tab-status">{statusLabel(tab)}</span>}
          </button>
          <button
            type="button"
            className="terminal-tab-close"
            aria-label={`Close ${tab.title}`}
            title={`Close ${tab.title}`}
            data-testid="terminal-tab-close"
            onClick={() => terminalSessions.close(tab.id)}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}
