import type { Duplex, Writable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { FrameDemuxer } from '../logs/frame-demuxer';
import { shellCommand } from './helper-scripts';
import { IdleDeadline, withDeadline } from './idle-deadline';

export interface CommandResult {
  exitCode: number;
  /** Collected stdout; empty when it went to `HelperCommand.stdout`. */
  stdout: Buffer;
  stderr: string;
  /** Whether all of `HelperCommand.stdin` was handed to the command before it ended. */
  stdinComplete: boolean;
}

export interface HelperCommand {
  script: string;
  args: string[];
  /** Bytes for the command's stdin, which is closed after the last one. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Where stdout goes as it arrives (ended when the command ends); without it, stdout is collected. */
  stdout?: Writable;
  /** The most collected stdout; more fails the command. */
  maxOutput?: number;
  /** The command fails, and its helper is replaced, when nothing moves (no output, no input taken) for this long. */
  idleMs?: number;
  /** Stops the command (its stream is closed) with a cancellation error. */
  signal?: AbortSignal;
}

/** Enough for a 100,000-entry listing; anything bigger is a bug or an attack, not a directory. */
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;
/** A metadata script that shows no sign of life for this long is stuck (a FIFO, a hung filesystem). */
export const DEFAULT_IDLE_MS = 60_000;
/** Exit codes from here up mean the command was killed by a signal. */
const SIGNAL_EXIT = 128;
/** How long the engine may take to record an exit code after the output stream closed. */
const EXIT_CODE_WAIT_MS = 2_000;

/** Engine status codes when the container an exec needs is gone (404) or not running (409). */
export function isGoneContainer(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === 404 || status === 409;
}

/** The helper went away while a command ran in it (removed, stopped, or the engine restarted). */
export function helperGone(cause?: unknown): BerthError {
  return new BerthError(
    'E_ENGINE_ERROR',
    'The helper container Berth uses to reach the volume went away during the operation (it was removed, or the engine restarted); it was not completed.',
    { fix: 'Try again: Berth starts a new helper.', details: { helperGone: true }, cause },
  );
}

function stuck(idleMs: number): BerthError {
  return new BerthError(
    'E_ENGINE_ERROR',
    `The helper container showed no progress for ${Math.round(idleMs / 1000)} s, so the operation was stopped.`,
    {
      fix: 'The volume may be on a hung filesystem, or the entry may be a named pipe or device; check the engine, then try again.',
      details: { timeout: true },
    },
  );
}

/** Creates the exec; fails with the engine's 404/409 when the helper is gone (nothing has run yet, so it can be retried). */
export function createHelperExec(docker: Docker, containerId: string, command: HelperCommand): Promise<Docker.Exec> {
  const idleMs = command.idleMs ?? DEFAULT_IDLE_MS;
  const created = docker.getContainer(containerId).exec({
    Cmd: shellCommand(command.script, command.args),
    AttachStdin: Boolean(command.stdin),
    AttachStdout: true,
    AttachStderr: true,
  });
  return withDeadline(created, idleMs, () => stuck(idleMs));
}

/**
 * Runs a created exec (no TTY) to its end: feeds stdin, routes or collects stdout, and returns the exit code. Never
 * waits forever: it fails when nothing moves for `idleMs`, and when the stream ends without an exit code.
 */
export async function runHelperExec(
  exec: Docker.Exec,
  command: HelperCommand,
  helperAlive: () => Promise<boolean>,
): Promise<CommandResult> {
  const idleMs = command.idleMs ?? DEFAULT_IDLE_MS;
  const maxOutput = command.maxOutput ?? DEFAULT_MAX_OUTPUT;
  const started = exec.start({ hijack: true, stdin: Boolean(command.stdin) }) as Promise<Duplex>;
  const stream = await withDeadline(
    started,
    idleMs,
    () => stuck(idleMs),
    (late) => late.destroy(),
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stdoutBytes = 0;
  let stderrBytes = 0;
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    stream.destroy();
  };
  const deadline = new IdleDeadline(idleMs, () => fail(stuck(idleMs)));
  const cancel = () => fail(new BerthError('E_CANCELLED', 'The operation was cancelled.'));
  if (command.signal?.aborted) cancel();
  command.signal?.addEventListener('abort', cancel, { once: true });
  const sink = command.stdout;
  sink?.on('drain', () => stream.resume());
  sink?.on('error', fail);
  const demuxer = new FrameDemuxer((id, payload) => {
    deadline.touch();
    if (id === 2) {
      if (stderrBytes < MAX_STDERR) stderr.push(Buffer.from(payload));
      stderrBytes += payload.length;
    } else if (sink) {
      if (!sink.write(Buffer.from(payload))) stream.pause();
    } else if ((stdoutBytes += payload.length) > maxOutput) {
      fail(
        new BerthError('E_ENGINE_ERROR', `The helper's output went past ${maxOutput} bytes and was cut off.`, {
          fix: 'Browse a smaller directory, or use the docker CLI for this one.',
        }),
      );
    } else {
      stdout.push(Buffer.from(payload));
    }
  });
  const ended = new Promise<void>((resolve) => {
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (error) => {
      failure ??= helperGone(error);
      resolve();
    });
  });
  let stdinComplete = !command.stdin;
  if (command.stdin) {
    const input = command.stdin;
    void feed(stream, input, ended, () => deadline.touch()).then(
      (complete) => (stdinComplete = complete),
      (error: unknown) => fail(error),
    );
  }
  try {
    await ended;
  } finally {
    deadline.stop();
    command.signal?.removeEventListener('abort', cancel);
  }
  if (sink) await endSink(sink);
  if (failure) throw failure;
  const exitCode = await exitCodeOf(exec);
  // Killed by a signal: the helper itself may be being removed or stopped under the command.
  if (exitCode >= SIGNAL_EXIT && !(await staysAlive(helperAlive))) throw helperGone();
  return {
    exitCode,
    stdout: Buffer.concat(stdout),
    stderr: Buffer.concat(stderr).toString('utf8'),
    stdinComplete,
  };
}

/** Writes stdin with backpressure, then half-closes; resolves false when the command ended before taking it all. */
async function feed(
  stream: Duplex,
  input: AsyncIterable<Uint8Array>,
  ended: Promise<void>,
  onProgress: () => void,
): Promise<boolean> {
  let over = false;
  void ended.then(() => (over = true));
  for await (const chunk of input) {
    if (over) return false;
    onProgress();
    if (!stream.write(chunk)) {
      await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), ended]);
    }
  }
  if (over) return false;
  stream.end();
  return true;
}

function endSink(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.once('error', reject);
    sink.end(() => resolve());
  });
}

/** Whether the helper is still running a moment later (a `docker rm -f` kills its commands before its state says so). */
async function staysAlive(helperAlive: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + EXIT_CODE_WAIT_MS;
  for (;;) {
    if (!(await helperAlive().catch(() => false))) return false;
    if (Date.now() > deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The exit code, once the engine has it; the helper is gone when the engine no longer knows the exec. */
async function exitCodeOf(exec: Docker.Exec): Promise<number> {
  const deadline = Date.now() + EXIT_CODE_WAIT_MS;
  for (;;) {
    let info: Docker.ExecInspectInfo;
    try {
      info = await withDeadline(exec.inspect(), EXIT_CODE_WAIT_MS * 5, () => helperGone());
    } catch (error) {
      throw helperGone(error);
    }
    if (!info.Running && info.ExitCode !== null && info.ExitCode !== undefined) return info.ExitCode;
    if (Date.now() > deadline) throw helperGone();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
