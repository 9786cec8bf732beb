/**
 * Files into a running container through the Engine API: changed files and folders as one tar extracted at `/`
 * (`PUT /containers/{id}/archive`, owned by the container's user), deletions with `rm -rf` through exec. The
 * engine refuses paths outside the container's writable layer (a read-only root or mount); that refusal comes back
 * as an error that says so.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { pack, type Pack } from 'tar-stream';
import { BerthError } from '@shared/errors';
import { FrameDemuxer } from '../logs/frame-demuxer';

export interface FileCopy {
  hostPath: string;
  /** Absolute path in the container. */
  containerPath: string;
  /** For a folder: whether a path inside it is left out. */
  ignores?: (hostPath: string) => boolean;
}

/** Copies files and folders (recursively) into the container; resolves with the container paths of the files sent. */
export async function copyIntoContainer(docker: Docker, containerId: string, copies: FileCopy[]): Promise<string[]> {
  const archive = pack();
  const sent: string[] = [];
  const upload = docker
    .getContainer(containerId)
    .putArchive(archive, { path: '/', copyUIDGID: '1' }) as Promise<unknown>;
  const feeding = (async () => {
    for (const copy of copies) await addPath(archive, copy, copy.hostPath, copy.containerPath, sent);
    archive.finalize();
  })();
  feeding.catch((error: unknown) => archive.destroy(error as Error));
  try {
    await Promise.all([feeding, upload]);
  } catch (error) {
    throw copyError(error, copies);
  }
  return sent;
}

async function addPath(
  archive: Pack,
  copy: FileCopy,
  hostPath: string,
  containerPath: string,
  sent: string[],
): Promise<void> {
  const stats = await lstat(hostPath).catch(() => null);
  if (!stats) return; // gone since the change was seen: the next batch deletes it
  const name = containerPath.replace(/^\/+/, '');
  const header = { name, mode: stats.mode & 0o7777, mtime: stats.mtime };
  if (stats.isDirectory()) {
    await entry(archive, { ...header, type: 'directory' });
    for (const child of (await readdir(hostPath)).sort()) {
      const childPath = join(hostPath, child);
      if (copy.ignores?.(childPath)) continue;
      await addPath(archive, copy, childPath, `${containerPath.replace(/\/+$/, '')}/${child}`, sent);
    }
  } else if (stats.isSymbolicLink()) {
    await entry(archive, { ...header, type: 'symlink', linkname: await readlink(hostPath) });
    sent.push(containerPath);
  } else if (stats.isFile()) {
    await pipeline(createReadStream(hostPath), archive.entry({ ...header, type: 'file', size: stats.size }));
    sent.push(containerPath);
  }
}

function entry(archive: Pack, header: Parameters<Pack['entry']>[0] & { linkname?: string }): Promise<void> {
  return new Promise((resolve, reject) => archive.entry(header, '', (error) => (error ? reject(error) : resolve())));
}

function copyError(error: unknown, copies: FileCopy[]): BerthError {
  const reason = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
  const target = copies[0]?.containerPath ?? '/';
  if (/read-only|readonly/i.test(reason)) {
    return new BerthError('E_ENGINE_ERROR', `cannot sync into ${target}: the container ${reason.trim()}`, {
      fix: "Sync into a path of the container's writable layer or a writable volume: not under a read-only root filesystem (read_only: true) or a read-only mount.",
    });
  }
  return new BerthError('E_ENGINE_ERROR', `cannot sync into ${target}: ${reason.trim()}`, {
    fix: 'Check that the service is running and the target path is a folder it can write.',
  });
}

/** Removes paths in the container (their files are gone on this machine). */
export async function removeFromContainer(docker: Docker, containerId: string, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  const { exitCode, output } = await execInContainer(docker, containerId, ['rm', '-rf', '--', ...paths], {});
  if (exitCode !== 0) {
    throw new BerthError(
      'E_ENGINE_ERROR',
      `cannot delete ${paths.join(', ')} in the container: ${output.trim() || `rm exited with ${exitCode}`}`,
      {
        fix: 'The container needs an rm command, and the paths must be in its writable layer or a writable volume.',
      },
    );
  }
}

export interface ExecOptions {
  user?: string;
  privileged?: boolean;
  workingDir?: string;
  env?: string[];
}

/** Runs a command in the container and waits for it; resolves with its exit code and what it printed. */
export async function execInContainer(
  docker: Docker,
  containerId: string,
  command: string[],
  options: ExecOptions,
): Promise<{ exitCode: number; output: string }> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: command,
    AttachStdout: true,
    AttachStderr: true,
    ...(options.user ? { User: options.user } : {}),
    ...(options.privileged ? { Privileged: true } : {}),
    ...(options.workingDir ? { WorkingDir: options.workingDir } : {}),
    ...(options.env?.length ? { Env: options.env } : {}),
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  const frames = new FrameDemuxer((_stream, payload) => chunks.push(Buffer.from(payload)));
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => frames.push(chunk));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const inspected = await exec.inspect();
  return { exitCode: inspected.ExitCode ?? -1, output: Buffer.concat(chunks).toString('utf8') };
}
