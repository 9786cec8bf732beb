/** tar-fs (a dependency of dockerode) ships no types; this is the one function Berth uses. */
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';
  export function pack(
    directory: string,
    options?: { ignore?: (name: string) => boolean; entries?: string[] },
  ): Readable;
}
