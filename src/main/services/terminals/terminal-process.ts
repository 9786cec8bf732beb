/** A running shell behind a TTY, wherever it runs (a container exec, a host pty). */
export interface TerminalProcess {
  /** The shell that started, as the user would type it. */
  readonly shell: string;
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Called once, after the last output; `exitCode` is null when it can't be known. */
  onExit(listener: (exitCode: number | null) => void): void;
  write(bytes: Uint8Array): void;
  resize(cols: number, rows: number): void;
  /** Stop reading output, so the process blocks on its writes (flow control). */
  pause(): void;
  resume(): void;
  /** Ends the process and everything it started. */
  end(): void;
}
