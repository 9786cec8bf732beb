import type { ErrorPayload } from '@shared/errors';
import type { TerminalOpenInput } from '@shared/schemas/terminal';
import { api } from '../../lib/api';
import type { TerminalView } from './terminal-view';

export type TerminalTarget =
  | Omit<Extract<TerminalOpenInput, { target: 'container' }>, 'cols' | 'rows'>
  | Omit<Extract<TerminalOpenInput, { target: 'host' }>, 'cols' | 'rows'>;

export interface ConnectionEvents {
  onStarted(shell: string): void;
  onExit(exitCode: number | null): void;
  /** The stream is over: after an exit, when the engine went away, or with the reason it could not start. */
  onClosed(error?: ErrorPayload): void;
}

/**
 * Runs one shell session in a view: output bytes go to xterm and are acknowledged only once xterm has processed
 * them (so a flood pauses the shell instead of the UI), keystrokes and resizes go back as they happen.
 */
export function connectTerminal(view: TerminalView, target: TerminalTarget, events: ConnectionEvents): () => void {
  /** False once the caller disconnected: nothing that still arrives reaches the view or the caller. */
  let connected = true;
  /**
   * Both transports drop what is sent before their port or socket is ready, so keystrokes wait for the first
   * message, and the size then sent is the view's latest (the pane usually fits right after the stream opens).
   */
  let ready = false;
  const opened = { cols: view.cols, rows: view.rows };
  const early: Uint8Array[] = [];
  const handle = api.streams.open('terminal', { ...target, ...opened } as TerminalOpenInput, {
    onMessage(message, cost) {
      if (!connected) return;
      if (!ready) becomeReady();
      if (message instanceof Uint8Array) {
        view.write(message, () => handle.ack(cost));
        return;
      }
      handle.ack(cost);
      if (message.type === 'started') events.onStarted(message.shell);
      else events.onExit(message.exitCode);
    },
    onClose(error) {
      if (!connected) return;
      connected = false;
      stopForwarding();
      events.onClosed(error);
    },
  });
  function becomeReady() {
    ready = true;
    if (view.cols !== opened.cols || view.rows !== opened.rows) {
      handle.send({ type: 'resize', cols: view.cols, rows: view.rows });
    }
    for (const bytes of early.splice(0)) handle.send(bytes);
  }
  const input = view.onInput((bytes) => (ready ? handle.send(bytes) : early.push(bytes)));
  const resize = view.onResize(({ cols, rows }) => {
    if (ready) handle.send({ type: 'resize', cols, rows });
  });
  function stopForwarding() {
    input.dispose();
    resize.dispose();
  }
  return () => {
    if (!connected) return;
    connected = false;
    stopForwarding();
    handle.close();
  };
}
