import { Writable } from 'node:stream';
import type { CliContext } from '../../src/main/cli/command';

export interface CapturedCli {
  context: CliContext;
  stdout(): string;
  stderr(): string;
}

/** A CliContext whose output is kept in memory, for running commands in-process. */
export function captureCli(env: NodeJS.ProcessEnv, cwd = process.cwd()): CapturedCli {
  const out: string[] = [];
  const err: string[] = [];
  return {
    context: { cwd, env, stdout: collector(out), stderr: collector(err), isTty: false },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

function collector(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
}
