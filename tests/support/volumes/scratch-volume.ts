import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { HELPER_LABEL } from '../../../src/main/services/volumes/helper-pool';
import { TEST_IMAGE } from '../require-engine';

export interface ScratchVolume {
  name: string;
  /** Runs a shell script in a throwaway container with the volume at /v; rejects when it exits non-zero. */
  sh(script: string): Promise<string>;
  remove(): Promise<void>;
}

/** A uniquely named volume the test owns and removes; nothing else is ever deleted. */
export async function createScratchVolume(docker: Docker, prefix = 'berth-vol-test'): Promise<ScratchVolume> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await docker.createVolume({ Name: name, Labels: { 'io.berth.test': 'volumes' } });
  return {
    name,
    sh: (script) => runInVolume(docker, name, script),
    remove: async () => {
      // Berth's helper containers (made by the code under test) may still mount it until their idle timeout.
      const helpers = await docker.listContainers({ all: true, filters: { volume: [name], label: [HELPER_LABEL] } });
      await Promise.all(
        helpers.map((helper) =>
          docker
            .getContainer(helper.Id)
            .remove({ force: true })
            .catch(() => {}),
        ),
      );
      await docker
        .getVolume(name)
        .remove({ force: true })
        .catch((error: { statusCode?: number }) => {
          if (error.statusCode !== 404) throw error;
        });
    },
  };
}

async function runInVolume(docker: Docker, volume: string, script: string): Promise<string> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    HostConfig: { Binds: [`${volume}:/v`], NetworkMode: 'none' },
  });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    const logs = (await container.logs({ stdout: true, stderr: true })) as Buffer;
    const text = stripFrames(logs);
    if (StatusCode !== 0) throw new Error(`script exited ${StatusCode}: ${text}`);
    return text;
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}

/** Removes the 8-byte headers of Docker's multiplexed log frames. */
function stripFrames(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
