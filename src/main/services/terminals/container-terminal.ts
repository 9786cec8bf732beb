import type { ContainerShell } from './open-container-shell';
import type { TerminalProcess } from './terminal-process';

/**
 * A container shell seen as a TerminalProcess: the hijacked exec stream is the TTY. A resize is an HTTP call
 * beside that stream, so keystrokes typed after it wait until the engine applied it (`stty size` right after a
 * resize must see the new size).
 */
export function containerTerminal(shell: ContainerShell): TerminalProcess {
  const { stream } = shell;
  let wantedSize: { cols: number; rows: number } | undefined;
  let resizing = false;
  const heldInput: Uint8Array[] = [];

  /** One resize call at a time, latest size wins: concurrent calls could land out of order. */
  async function applyResizes(): Promise<void> {
    resizing = true;
    while (wantedSize) {
      const { cols, rows } = wantedSize;
      wantedSize = undefined;
      // A resize can race the shell's exit; there is nothing left to resize then.
      await shell.resize(cols, rows).catch(() => undefined);
    }
    resizing = false;
    for (const bytes of heldInput.splice(0)) stream.write(bytes);
  }

  return {
    shell: shell.shell,
    onData: (listener) => stream.on('data', listener),
    onExit(listener) {
      let ended = false;
      const onEnd = () => {
        if (ended) return;
        ended = true;
        void shell.exitCode().then(listener);
      };
      stream.once('end', onEnd);
      stream.once('close', onEnd);
      stream.once('error', onEnd);
    },
    write(bytes) {
      if (resizing) heldInput.push(bytes);
      else stream.write(bytes);
    },
    resize(cols, rows) {
      wantedSize = { cols, rows };
      if (!resizing) void applyResizes();
    },
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    end: () => void shell.end().catch(() => undefined),
  };
}
