/**
 * One BuildKit build on the engine: a session serving the context, Dockerfile, secrets, credentials and ssh agents,
 * then `POST /build?version=2` on that session, its status stream folded into the timeline, the image ID at the
 * end. Cancelling asks the engine to cancel the build, drops the stream and closes the session, so nothing of the
 * build goes on running.
 */
import type { IncomingMessage } from 'node:http';
import { BerthError } from '@shared/errors';
import type Docker from 'dockerode';
import { JsonLineParser } from '../../docker/json-lines';
import type { RegistryAuthLookup } from '../../compose/engine/image/registry-auth';
import type { SecretRedactor } from '../secret-redactor';
import { openBuildSession, sharedKeyOf, type BuildSession } from '../session/build-session';
import type { SyncedDir } from '../session/file-sync-provider';
import type { SecretSource } from '../session/secrets-provider';
import type { SshAgents } from '../session/ssh-agent-provider';
import type { BuildTimeline } from '../timeline/build-timeline';
import { decodeStatus } from './status-decoder';

export interface BuildRun {
  /** The synced `context` and `dockerfile` directories (a remote context has no `context`). */
  dirs: Map<string, SyncedDir>;
  /** Query of /build, from build-query.ts. */
  query: Record<string, string | string[]>;
  secrets?: Map<string, SecretSource>;
  sshAgents?: SshAgents;
  registryAuth?: RegistryAuthLookup;
  timeline: BuildTimeline;
  redactor: SecretRedactor;
  signal?: AbortSignal;
}

interface BuildMessage {
  id?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { message?: string };
}

/** The daemon's error when the build fails; the timeline knows which step. */
export class BuildFailed extends Error {}

export async function runBuild(docker: Docker, run: BuildRun): Promise<string> {
  throwIfAborted(run.signal);
  const contextDir = run.dirs.get('context')?.path ?? run.dirs.get('dockerfile')!.path;
  const session = await openBuildSession(docker, {
    dirs: run.dirs,
    secrets: run.secrets,
    sshAgents: run.sshAgents,
    registryAuth: run.registryAuth,
    redactor: run.redactor,
    sharedKey: sharedKeyOf(contextDir),
  });
  const buildId = String(run.query.buildid);
  let response: IncomingMessage | null = null;
  const onAbort = () => {
    // Asking the engine first: the dropped connection alone cancels the build too, but only once the engine notices.
    void cancelOnEngine(docker, buildId);
    response?.destroy();
    session.close();
  };
  run.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    response = await postBuild(docker, { ...run.query, session: session.id });
    throwIfAborted(run.signal);
    return await followBuild(response, run);
  } catch (error) {
    throwIfAborted(run.signal);
    throw error;
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
    closeQuietly(session);
  }
}

function postBuild(docker: Docker, query: Record<string, string | string[]>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/build?',
        method: 'POST',
        options: query,
        // An empty body: the context comes through the session, and a JSON body would be read as one.
        file: Buffer.alloc(0),
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
      },
      (error, stream) => (error ? reject(error) : resolve(stream as IncomingMessage)),
    );
  });
}

function followBuild(response: IncomingMessage, run: BuildRun): Promise<string> {
  return new Promise((resolve, reject) => {
    let imageId: string | null = null;
    let failure: string | null = null;
    const parser = new JsonLineParser((value) => {
      const message = value as BuildMessage;
      if (message.error || message.errorDetail)
        failure = message.errorDetail?.message ?? message.error ?? 'build failed';
      else if (message.id === 'moby.buildkit.trace' && typeof message.aux === 'string') {
        run.timeline.apply(decodeStatus(message.aux));
      } else if (message.id === 'moby.image.id') {
        imageId = (message.aux as { ID?: string } | undefined)?.ID ?? imageId;
      }
    });
    response.on('data', (chunk: Buffer) => parser.push(chunk));
    response.on('error', reject);
    response.on('close', () => {
      parser.end();
      if (failure) reject(new BuildFailed(run.redactor.redact(failure)));
      else if (imageId) resolve(imageId);
      else reject(new BuildFailed('the engine ended the build without an image'));
    });
  });
}

function cancelOnEngine(docker: Docker, buildId: string): Promise<void> {
  return new Promise((resolve) => {
    docker.modem.dial(
      {
        path: '/build/cancel?',
        method: 'POST',
        options: { id: buildId },
        statusCodes: { 200: true, 404: true, 500: true },
      },
      () => resolve(),
    );
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof BerthError ? signal.reason : new BerthError('E_CANCELLED', 'The build was cancelled.');
}

function closeQuietly(session: BuildSession): void {
  try {
    session.close();
  } catch {
    // Already closed by the engine.
  }
}
