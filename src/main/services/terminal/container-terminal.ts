import type { ContainerShell } from './open-container-shell';
import type { TerminalProcess } from './terminal-process';

/** A container shell seen as a TerminalProcess: the hijacked exec stream is the TTY. */
export function containerTerminal(shell: ContainerShell): TerminalProcess {
  const { stream } = shell;
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
    write: (bytes) => void stream.write(bytes),
    // A resize can race the shell's exit; there is nothing left to resize then.
    resize: (cols, rows) => void shell.resize(cols, rows).catch(() => undefined),
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    end: () => void shell.end().catch(() => undefined),
  };
}
