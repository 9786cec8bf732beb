import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { FrameDemuxer } from '../../../src/main/services/logs/frame-demuxer';
import { waitForState } from '../../support/engine-waits';
import { skipWithoutPrivateDockerd, startPrivateDockerd, type PrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { collectLogs, runServiceContainer, uniqueProject } from './log-collector';

const engine = await requireEngine();
const skipPrivate = skipWithoutPrivateDockerd();

/** `<time> <text>` for every line the engine holds, as ground truth. */
async function engineLines(container: Docker.Container): Promise<string[]> {
  const output = (await container.logs({ stdout: true, stderr: true, timestamps: true, follow: false })) as Buffer;
  const lines: string[] = [];
  new FrameDemuxer((_stream, payload) => lines.push(payload.toString('utf8').replace(/\n$/, ''))).push(output);
  return lines;
}

describe.skipIf(!engine.available || skipPrivate)('logs across an engine restart', () => {
  let dockerd: PrivateDockerd;
  let docker: Docker;
  let homeDir: string;
  let connection: EngineConnection;

  beforeAll(async () => {
    dockerd = await startPrivateDockerd({ name: 'logs-restart' });
    docker = createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath });
    const image = await engine.docker.getImage(TEST_IMAGE).get();
    await new Promise<void>((resolve, reject) => {
      docker.loadImage(image, {}, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error('no load stream'));
        docker.modem.followProgress(stream, (progressError: Error | null) =>
          progressError ? reject(progressError) : resolve(),
        );
      });
    });
    homeDir = mkdtempSync(join(tmpdir(), 'berth-home-'));
    connection = new EngineConnection({ env: { DOCKER_HOST: dockerd.dockerHost }, homeDir });
    await connection.start();
  }, 120_000);

  afterAll(async () => {
    await connection?.stop();
    await dockerd?.dispose();
    if (homeDir) rmSync(homeDir, { recursive: true, force: true });
  });

  it('reconnects and resumes from the last timestamp, with no line lost or repeated', async () => {
    const script = 'echo boot; i=0; while [ $i -lt 100000 ]; do i=$((i+1)); echo tick $i; sleep 0.02; done';
    const project = uniqueProject('berth-engine');
    const container = await runServiceContainer(docker, { project, service: 'ticker', script, restart: 'always' });
    const logs = collectLogs(connection, { target: { kind: 'container', id: container.id } });
    try {
      await logs.until(() => logs.lines.length >= 20, 20_000, 'lines before the restart');
      await dockerd.restart();
      await waitForState(connection, (state) => state.status === 'connected', 20_000);
      const boots = () => logs.texts().filter((text) => text === 'boot').length;
      await logs.until(() => boots() >= 2 && logs.texts().at(-1) !== 'boot', 30_000, 'the second boot');
      await container.stop({ t: 0 });
      const truth = await engineLines(container);
      await logs.until(() => logs.lines.length >= truth.length, 20_000, `all ${truth.length} lines`);
      expect(logs.lines.map((line) => `${line.time} ${line.text}`)).toEqual(truth);
      expect(logs.messages).toContainEqual(expect.objectContaining({ type: 'notice', level: 'warning' }));
    } finally {
      logs.close();
      await container.remove({ force: true }).catch(() => undefined);
    }
  });
});
