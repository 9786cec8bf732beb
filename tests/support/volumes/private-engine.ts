import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { startPrivateDockerd, type PrivateDockerd } from '../private-dockerd';

export interface PrivateEngine {
  dockerd: PrivateDockerd;
  docker: Docker;
}

/** A private dockerd (the test may stop and restart it), with `images` copied over from the main engine. */
export async function startPrivateEngine(name: string, source: Docker, images: string[]): Promise<PrivateEngine> {
  const dockerd = await startPrivateDockerd({ name });
  const docker = createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath });
  try {
    for (const image of images) await loadInto(docker, (await source.getImage(image).get()) as Readable);
  } catch (error) {
    await dockerd.dispose();
    throw error;
  }
  return { dockerd, docker };
}

/** Imports an image made of one file and nothing else: no shell, so it can't run a helper script. */
export async function importImageWithoutShell(docker: Docker, tag: string): Promise<void> {
  const pack = tar.pack();
  pack.entry({ name: 'only-a-file.txt' }, 'no shell here\n');
  pack.finalize();
  const [repo, version] = tag.split(':');
  const stream = (await docker.importImage(pack, { repo, tag: version ?? 'latest' } as never)) as unknown;
  await follow(docker, stream as NodeJS.ReadableStream);
}

async function loadInto(docker: Docker, archive: Readable): Promise<void> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    docker.loadImage(archive, {}, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await follow(docker, stream);
}

function follow(docker: Docker, stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) =>
    docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
