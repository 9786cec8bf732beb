/**
 * Logs belong to the engine whose containers they are: a `logs` stream (opened through the handler, input and
 * messages through the contract's schemas) ends when the app switches to another engine, saying so, and never goes on
 * with the new engine's containers; a stream opened after the switch follows the new engine. The other engine is the
 * machine's own behind a tcp listener on 127.0.0.2 — another address, so another engine to Berth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streams } from '@shared/contract';
import { decodeLines, type LogsMessage } from '@shared/schemas/logs';
import { logsHandlers } from '../../../src/main/handlers/logs';
import { createServices, type BerthServices } from '../../../src/main/services/create-services';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { until } from '../../support/swarm/stream-collect';
import { startTcpEngineProxy, type TcpEngineProxy } from '../../support/tcp-engine-proxy';

const engine = await requireEngine();
const LOCAL = 'unix:///var/run/docker.sock';

function openLogs(services: BerthServices, containerId: string) {
  const messages: LogsMessage[] = [];
  let ended: { error?: unknown } | null = null;
  const source = logsHandlers(services).streams.logs(
    streams.logs.input.parse({ target: { kind: 'container', id: containerId }, tail: 0 }),
  );
  source.start({
    emit: (message) => messages.push(streams.logs.message.parse(message)),
    end: (error) => (ended = { error }),
  });
  const lines = () => messages.flatMap((message) => (message.type === 'lines' ? decodeLines(message) : []));
  return { messages, lines, ended: () => ended, dispose: () => source.dispose() };
}

describe.skipIf(!engine.available)('an engine switch ends the logs of the old engine', () => {
  let proxy: TcpEngineProxy;
  let home: string;
  let services: BerthServices;
  let talker: Docker.Container;

  beforeAll(async () => {
    proxy = await startTcpEngineProxy('127.0.0.2');
    home = mkdtempSync(join(tmpdir(), 'berth-switch-logs-'));
    services = createServices({
      env: { DOCKER_HOST: LOCAL },
      homeDir: home,
      templatesDir: resolve('resources/templates'),
    });
    await services.start();
    await services.engines.add({ name: 'tcp-box', address: proxy.address });
    talker = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      name: `berth-switch-logs-${process.pid}`,
      Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.1; done'],
    });
    await talker.start();
  }, 60_000);

  afterAll(async () => {
    await talker?.remove({ force: true }).catch(() => {});
    await services?.dispose();
    await proxy?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('ends a followed stream at the switch with why and what to do, and nothing arrives after', async () => {
    const before = openLogs(services, talker.id);
    try {
      await until(() => before.lines().length >= 3 || undefined, 20_000);
      await services.engines.switchTo('tcp-box');
      expect(services.connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'tcp' } });

      expect(before.ended()).toEqual({ error: expect.objectContaining({ code: 'E_CANCELLED' }) });
      const error = before.ended()!.error as { message: string; fix?: string };
      expect(error.message).toBe(`Switched to another engine: this was on ${LOCAL}.`);
      expect(error.fix).toBe(`Open it again to see the engine in use now, or switch back to ${LOCAL}.`);
      const count = before.messages.length;
      await new Promise((done) => setTimeout(done, 700));
      expect(before.messages).toHaveLength(count);

      // Opened on the engine in use now: it follows there (the same dockerd, reached at its tcp address).
      const after = openLogs(services, talker.id);
      try {
        const lines = await until(() => (after.lines().length >= 3 ? after.lines() : undefined), 20_000);
        expect(lines[0]!.text).toMatch(/^tick \d+$/);
        expect(after.ended()).toBeNull();
      } finally {
        after.dispose();
      }
    } finally {
      before.dispose();
    }
  }, 60_000);
});
