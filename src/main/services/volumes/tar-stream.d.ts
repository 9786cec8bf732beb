/** tar-stream 2 (a dependency of dockerode via tar-fs) ships no types; these are the parts Berth uses. */
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';

  export interface Headers {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    type?: 'file' | 'directory' | 'symlink' | 'link' | string;
  }

  export interface Pack extends Readable {
    entry(headers: Headers, callback?: (error?: Error | null) => void): Writable;
    entry(headers: Headers, buffer: string | Buffer, callback?: (error?: Error | null) => void): Writable;
    finalize(): void;
  }

  export interface Extract extends Writable {
    on(event: 'entry', listener: (headers: Headers, stream: Readable, next: (error?: unknown) => void) => void): this;
    on(event: 'finish' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export function pack(): Pack;
  export function extract(): Extract;
}
