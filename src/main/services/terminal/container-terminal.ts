import type { ContainerShell } from './open-container-shell';
import type { TerminalProcess } from './terminal-process';

/**
 * A container shell seen as a TerminalProcess: the hijacked exec stream is the TTY. A resize is an HTTP call
 * beside that stream, so keystrokes typed after it wait until the engine applied it (`stty size` right after a
 * resize must see the new size).
 */
export function containerTerminal(shell: ContainerShell): TerminalProcess {
  const { stream } = shell;
  let resizing: Promise<void> | undefined;
  const heldInput: Uint8Array[] = [];

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
      // A resize can race the shell's exit; there is nothing left to resize then.
      const done: Promise<void> = shell
        .resize(cols, rows)
        .catch(() => undefined)
        .then(() => {
          if (resizing !== done) return;
          resizing = undefined;
          for (const bytes of heldInput.splice(0)) stream.write(bytes);
        });
      resizing = done;
    },
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    end: () => void shell.end().catch(() => undefined),
  };
}
