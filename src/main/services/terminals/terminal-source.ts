import type { TerminalMessage } from '@shared/schemas/terminal';
import type { StreamSource } from '../streams/stream-source';
import { exactBytes, parseTerminalInput } from './terminal-input';
import type { TerminalProcess } from './terminal-process';

/**
 * The `terminal` stream for any TerminalProcess: output bytes out, keystrokes and resizes in, an `exit` message
 * when the shell ends. Input and resizes that arrive while the shell is still starting are applied once it runs;
 * disposing (the tab closed) ends the process unless it already exited.
 */
export function createTerminalSource(open: () => Promise<TerminalProcess>): StreamSource<TerminalMessage> {
  let running: TerminalProcess | undefined;
  let disposed = false;
  let paused = false;
  const pendingInput: Uint8Array[] = [];
  let pendingSize: { cols: number; rows: number } | undefined;

  return {
    start(sink) {
      open().then(
        (process) => {
          if (disposed) return process.end();
          running = process;
          sink.emit({ type: 'started', shell: process.shell });
          process.onData((bytes) => sink.emit(exactBytes(bytes)));
          process.onExit((exitCode) => {
            running = undefined;
            sink.emit({ type: 'exit', exitCode });
            sink.end();
          });
          if (paused) process.pause();
          if (pendingSize) process.resize(pendingSize.cols, pendingSize.rows);
          for (const bytes of pendingInput.splice(0)) process.write(bytes);
        },
        (error: unknown) => sink.end(error),
      );
    },
    pause() {
      paused = true;
      running?.pause();
    },
    resume() {
      paused = false;
      running?.resume();
    },
    receive(data) {
      const input = parseTerminalInput(data);
      if (input === null || disposed) return;
      if (input.kind === 'bytes') {
        if (running) running.write(input.bytes);
        else pendingInput.push(input.bytes);
      } else if (running) running.resize(input.cols, input.rows);
      else pendingSize = { cols: input.cols, rows: input.rows };
    },
    dispose() {
      disposed = true;
      pendingInput.length = 0;
      running?.end();
      running = undefined;
    },
  };
}
