import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { requireEngine } from '../../support/require-engine';
import { collectLogs, removeProject, runServiceContainer, uniqueProject } from './log-collector';

const engine = await requireEngine();
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!engine.available)('following logs across restarts and recreations', () => {
  const project = uniqueProject('berth-follow');
  let connection: EngineConnection;

  beforeAll(async () => {
    connection = new EngineConnection({ env: process.env, homeDir: homedir() });
    await connection.start();
  });

  afterAll(async () => {
    await removeProject(engine.docker, project);
    await connection?.stop();
  });

  it('keeps following a container through a restart, without a gap or a repeat', async () => {
    const script = 'echo boot; seq 1 3; sleep 60';
    const container = await runServiceContainer(engine.docker, { project, service: 'restart', script });
    const logs = collectLogs(connection, { target: { kind: 'container', id: container.id } });
    try {
      await logs.until(() => logs.lines.length >= 4, 20_000, 'the first run');
      await container.restart({ t: 0 });
      await logs.until(() => logs.lines.length >= 8, 20_000, 'the second run');
      await container.stop({ t: 0 });
      await container.start();
      await logs.until(() => logs.lines.length >= 12, 20_000, 'the third run');
      await delay(800);
      expect(logs.texts()).toEqual(['boot', '1', '2', '3', 'boot', '1', '2', '3', 'boot', '1', '2', '3']);
    } finally {
      logs.close();
    }
  });

  it('picks up the new container when a service is recreated', async () => {
    const first = await runServiceContainer(engine.docker, { project, service: 'web', script: 'echo old; sleep 60' });
    const logs = collectLogs(connection, { target: { kind: 'service', project, service: 'web' } });
    try {
      await logs.until(() => logs.texts().includes('old'), 20_000, 'the old container');
      await first.remove({ force: true });
      await runServiceContainer(engine.docker, { project, service: 'web', script: 'echo new; sleep 60' });
      await logs.until(() => logs.texts().includes('new'), 20_000, 'the new container');
      expect(logs.texts()).toEqual(['old', 'new']);
      expect(logs.sources).toHaveLength(2);
      expect(logs.messages).toContainEqual(expect.objectContaining({ type: 'notice', level: 'info' }));
    } finally {
      logs.close();
    }
  });

  it('follows a recreated container when the target was the old container itself', async () => {
    const old = await runServiceContainer(engine.docker, { project, service: 'api', script: 'echo v1; sleep 60' });
    const logs = collectLogs(connection, { target: { kind: 'container', id: old.id } });
    try {
      await logs.until(() => logs.texts().includes('v1'), 20_000, 'the old container');
      await old.remove({ force: true });
      await runServiceContainer(engine.docker, { project, service: 'api', script: 'echo v2; sleep 60' });
      await logs.until(() => logs.texts().includes('v2'), 20_000, 'the replacement');
      expect(logs.texts()).toEqual(['v1', 'v2']);
    } finally {
      logs.close();
    }
  });
});
