import type { ErrorPayload } from '../../../../shared/errors';
import type { TerminalOpenInput } from '../../../../shared/schemas/terminal';
import { messageCost } from '../../../../shared/stream-protocol';
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
  const handle = api.streams.open('terminal', { ...target, cols: view.cols, rows: view.rows } as TerminalOpenInput, {
    onMessage(message) {
      if (!connected) return;
      if (message instanceof Uint8Array) {
        view.write(message, () => handle.ack(message.byteLength));
        return;
      }
      handle.ack(messageCost(message));
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
  const input = view.onInput((bytes) => handle.send(bytes));
  const resize = view.onResize(({ cols, rows }) => handle.send({ type: 'resize', cols, rows }));
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
