import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { BerthError } from '@shared/errors';
import { FrameDemuxer } from '../logs/frame-demuxer';

export interface CommandResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/** Enough for a 100,000-entry listing; anything bigger is a bug or an attack, not a directory. */
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/** Runs a command in a helper container (no TTY, no stdin) and collects its output and exit code. */
export async function runInHelper(
  docker: Docker,
  containerId: string,
  cmd: string[],
  maxOutput = DEFAULT_MAX_OUTPUT,
): Promise<CommandResult> {
  const exec = await docker.getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = (await exec.start({ hijack: true, stdin: false })) as Readable;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stdoutBytes = 0;
  let stderrBytes = 0;
  let overflow = false;
  const demuxer = new FrameDemuxer((id, payload) => {
    if (id === 2) {
      if (stderrBytes < MAX_STDERR) stderr.push(Buffer.from(payload));
      stderrBytes += payload.length;
      return;
    }
    stdoutBytes += payload.length;
    if (stdoutBytes > maxOutput) {
      overflow = true;
      stream.destroy();
      return;
    }
    stdout.push(Buffer.from(payload));
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (error) => (overflow ? resolve() : reject(error)));
  });
  if (overflow) {
    throw new BerthError('E_ENGINE_ERROR', `The helper's output went past ${maxOutput} bytes and was cut off.`, {
      fix: 'Browse a smaller directory, or use the docker CLI for this one.',
    });
  }
  const { ExitCode } = await exec.inspect();
  return { exitCode: ExitCode ?? -1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') };
}
