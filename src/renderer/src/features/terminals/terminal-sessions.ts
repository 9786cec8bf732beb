import { useSyncExternalStore } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { connectTerminal, type TerminalTarget } from './terminal-connection';
import { TerminalView } from './terminal-view';

export type TerminalStatus = 'starting' | 'running' | 'exited' | 'failed';

/** What the tabs show about a session: metadata only, never its bytes. */
export interface TerminalTab {
  id: string;
  title: string;
  target: TerminalTarget;
  status: TerminalStatus;
  shell?: string;
  exitCode?: number | null;
  error?: ErrorPayload;
}

export interface TerminalsSnapshot {
  tabs: TerminalTab[];
  activeId: string | null;
}

interface Session {
  tab: TerminalTab;
  view: TerminalView;
  disconnect: () => void;
}

/**
 * Every open terminal, outside React so sessions outlive the components that show them. The list of tabs is an
 * immutable snapshot for `useSyncExternalStore`; the xterm views and streams stay here.
 */
class TerminalSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly listeners = new Set<() => void>();
  private snapshot: TerminalsSnapshot = { tabs: [], activeId: null };
  private nextId = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): TerminalsSnapshot => this.snapshot;

  open(target: TerminalTarget, title: string): string {
    const id = `terminal-${++this.nextId}`;
    const session: Session = {
      tab: { id, title, target, status: 'starting' },
      view: new TerminalView(),
      disconnect: () => {},
    };
    this.sessions.set(id, session);
    this.connect(session);
    this.publish(id);
    return id;
  }

  view(id: string): TerminalView | undefined {
    return this.sessions.get(id)?.view;
  }

  activate(id: string): void {
    if (this.sessions.has(id)) this.publish(id);
  }

  /** Starts the shell again in the same view: the old output stays above. */
  restart(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.disconnect();
    session.view.writeNote('— restarting the shell —');
    this.update(session, { status: 'starting', exitCode: undefined, error: undefined });
    this.connect(session);
  }

  /** Closes the tab and ends its shell (the producer ends the exec or pty when the stream closes). */
  close(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.disconnect();
    session.view.dispose();
    this.sessions.delete(id);
    const ids = [...this.sessions.keys()];
    const index = this.snapshot.tabs.findIndex((tab) => tab.id === id);
    const nextActive =
      this.snapshot.activeId === id ? (ids[Math.min(index, ids.length - 1)] ?? null) : this.snapshot.activeId;
    this.publish(nextActive);
  }

  private connect(session: Session): void {
    const { view } = session;
    session.disconnect = connectTerminal(view, session.tab.target, {
      onStarted: (shell) => this.update(session, { status: 'running', shell }),
      onExit: (exitCode) => {
        view.writeNote(`[process exited with code ${exitCode ?? 'unknown'}]`);
        this.update(session, { status: 'exited', exitCode });
      },
      onClosed: (error) => {
        if (error) {
          view.writeNote([error.message, error.fix].filter(Boolean).join('\n'), 'error');
          this.update(session, { status: 'failed', error });
        } else if (session.tab.status !== 'exited') {
          view.writeNote('[the session ended]');
          this.update(session, { status: 'exited', exitCode: null });
        }
      },
    });
  }

  private update(session: Session, changes: Partial<TerminalTab>): void {
    if (this.sessions.get(session.tab.id) !== session) return;
    session.tab = { ...session.tab, ...changes };
    this.publish(this.snapshot.activeId);
  }

  private publish(activeId: string | null): void {
    this.snapshot = { tabs: [...this.sessions.values()].map((session) => session.tab), activeId };
    for (const listener of this.listeners) listener();
  }
}

export const terminalSessions = new TerminalSessions();

export function useTerminals(): TerminalsSnapshot {
  return useSyncExternalStore(terminalSessions.subscribe, terminalSessions.getSnapshot);
}
