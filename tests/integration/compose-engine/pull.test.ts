/** Pulls with per-layer progress from a local registry (Debian's docker-registry on 127.0.0.1), and a clear error when unreachable. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { leftovers, testProject } from './support';

const exec = promisify(execFile);
const engine = await requireEngine();

const REGISTRY_SCRIPT = join(__dirname, '../../support/provision/registry.sh');
const PORT = 15000 + (process.pid % 1000);
const REGISTRY_ENV = { ...process.env, BERTH_REGISTRY_PORT: String(PORT) };
const IMAGE = `127.0.0.1:${PORT}/berth-pull-test:${process.pid}`;

describe.skipIf(!engine.available)('compose engine: pull', () => {
  const docker = engine.docker;

  beforeAll(async () => {
    await exec('bash', [REGISTRY_SCRIPT, 'start'], { env: REGISTRY_ENV });
    // A layer of random bytes the engine has nowhere else, so the pull really downloads it.
    const builder = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'head -c 3000000 /dev/urandom > /blob'],
    });
    await builder.start();
    await builder.wait();
    await builder.commit({ repo: IMAGE.slice(0, IMAGE.lastIndexOf(':')), tag: String(process.pid) });
    await builder.remove();
    await exec('docker', ['push', IMAGE]);
    await docker.getImage(IMAGE).remove();
  });

  afterAll(async () => {
    await docker
      .getImage(IMAGE)
      .remove()
      .catch(() => {});
    await exec('bash', [REGISTRY_SCRIPT, 'stop'], { env: REGISTRY_ENV });
  });

  it('up pulls a missing image with per-layer progress, then runs it', async () => {
    const project = testProject(docker, 'pull', {
      'compose.yaml': `name: \${NAME}\nservices:\n  app: {image: "${IMAGE}", command: sleep 3600, init: true}\n`,
    });
    try {
      const events: ComposeProgressEvent[] = [];
      await new ComposeEngine(docker).up(await project.load(), { onProgress: (event) => events.push(event) });
      const pulling = events.filter((event) => event.kind === 'pulling');
      expect(pulling.length).toBeGreaterThan(1);
      const last = pulling.at(-1)!;
      expect(last.kind === 'pulling' && last.percent).toBe(100);
      expect(last.kind === 'pulling' && last.layers.length).toBeGreaterThan(0);
      expect(
        last.kind === 'pulling' &&
          last.layers.every((layer) => layer.total === undefined || layer.current === layer.total),
      ).toBe(true);
      expect(events.some((event) => event.kind === 'pulled' && event.image === IMAGE)).toBe(true);
      expect(events.findIndex((e) => e.kind === 'pulled')).toBeLessThan(events.findIndex((e) => e.kind === 'creating'));
      expect((await docker.getContainer(`${project.name}-app-1`).inspect()).State.Running).toBe(true);
    } finally {
      await project.cleanup();
    }
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it('says which registry is unreachable, and nothing is created', async () => {
    const closedPort = PORT + 1;
    const project = testProject(docker, 'unreachable', {
      'compose.yaml': `name: \${NAME}\nservices:\n  app: {image: "127.0.0.1:${closedPort}/nothing:1"}\n`,
    });
    try {
      const failure = new ComposeEngine(docker).pull(await project.load());
      await expect(failure).rejects.toThrow(
        `cannot pull 127.0.0.1:${closedPort}/nothing:1: the registry 127.0.0.1:${closedPort} is unreachable`,
      );
      await expect(failure).rejects.toMatchObject({
        code: 'E_ENGINE_ERROR',
        fix: expect.stringContaining('127.0.0.1'),
      });
      expect(await leftovers(docker, project.name)).toEqual([]);
    } finally {
      await project.cleanup();
    }
  });
});
