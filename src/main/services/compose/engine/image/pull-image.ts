/** Pulls one image with per-layer progress, with the registry's credentials from the docker CLI's config. */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { PullProgress, type PullMessage } from './pull-progress';
import { registryOf, type RegistryAuthLookup } from './registry-auth';

export interface PullOptions {
  service: string;
  registryAuth?: RegistryAuthLookup;
  emit: (event: ComposeProgressEvent) => void;
  signal?: AbortSignal;
}

/** Resolves with the image ID once the engine has the image. */
export async function pullImage(docker: Docker, image: string, options: PullOptions): Promise<string> {
  const { service, emit } = options;
  const registry = registryOf(image);
  const auth = await options.registryAuth?.(registry);
  const progress = new PullProgress();
  emit({ kind: 'pulling', service, image, percent: 0, layers: [] });
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.pull(image, {
      ...(auth ? { authconfig: auth } : {}),
      abortSignal: options.signal,
    })) as NodeJS.ReadableStream;
  } catch (error) {
    throw pullError(image, registry, error);
  }
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null) => (error ? reject(pullError(image, registry, error)) : resolve()),
      (message: PullMessage) => {
        if (message.error) return;
        if (progress.update(message))
          emit({ kind: 'pulling', service, image, percent: progress.percent(), layers: progress.snapshot() });
      },
    );
    // The stream reports failures as a final {error} message; followProgress hands those to onFinished.
  });
  emit({ kind: 'pulling', service, image, percent: 100, layers: progress.snapshot() });
  emit({ kind: 'pulled', service, image });
  const inspected = await docker.getImage(image).inspect();
  return inspected.Id;
}

function pullError(image: string, registry: string, error: unknown): BerthError {
  const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message ?? String(error);
  const unreachable =
    /connection refused|no such host|i\/o timeout|dial tcp|server misbehaving|network is unreachable|TLS handshake/i.test(
      message,
    );
  if (unreachable) {
    return new BerthError(
      'E_ENGINE_ERROR',
      `cannot pull ${image}: the registry ${registry} is unreachable (${message})`,
      {
        fix: `Check that ${registry} is up and that the Docker engine can reach it (network, proxy, DNS), then run the command again.`,
        cause: error,
      },
    );
  }
  const denied = /unauthorized|denied|authentication required/i.test(message);
  return new BerthError(
    /not found|manifest unknown/i.test(message) ? 'E_NOT_FOUND' : 'E_ENGINE_ERROR',
    `cannot pull ${image}: ${message}`,
    {
      fix: denied
        ? `Log in to ${registry} with "docker login ${registry}"; Berth uses the same credentials.`
        : `Check the image name and tag of ${image}.`,
      cause: error,
    },
  );
}
