/**
 * A swarm service's logs through the `logs` stream's handler, as the Logs page opens them from the Cluster page:
 * a real one-node swarm (a private dockerd in a network namespace of its own, never the engine other tests use),
 * a service of 2 replicas, and every line of both tasks, each under its own task's name (`<service>.<slot>.…`).
 * Inputs and messages go through the contract's schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streams } from '@shared/contract';
import { decodeLines, type LogsMessage, type LogSource } from '@shared/schemas/logs';
import { logsHandlers } from '../../../src/main/handlers/logs';
import type { BerthServices } from '../../../src/main/services/create-services';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { EngineScopes } from '../../../src/main/services/remote/engine-scope';
import { deployStack } from '../../../src/main/services/swarm/stack-deploy';
import { swarmApi } from '../../../src/main/services/swarm/swarm-client';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../../support/swarm/swarm-engine';
import { loadDir, projectDir } from '../../support/swarm/stack-fixtures';
import { collectUntilEnd, until } from '../../support/swarm/stream-collect';

const engine = await requireEngine();

const FILES = {
  'compose.yaml': `
services:
  talk:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo hello from slot $$SLOT; while true; do sleep 1; done"]
    environment:
      SLOT: "{{.Task.Slot}}"
    stop_grace_period: 1s
    deploy:
      replicas: 2
      endpoint_mode: dnsrr
`,
};
const STACK = 'lg';

/** Opens the `logs` stream through the handler, input parsed by the contract, each message checked against it. */
function openLogs(services: BerthServices, request: unknown) {
  const messages: LogsMessage[] = [];
  let ended: { error?: unknown } | null = null;
  const source = logsHandlers(services).streams.logs(streams.logs.input.parse(request));
  source.start({
    emit: (message) => messages.push(streams.logs.message.parse(message)),
    end: (error) => (ended = { error }),
  });
  const sources = (): LogSource[] => messages.filter((message) => message.type === 'sources').at(-1)?.sources ?? [];
  const lines = () => messages.flatMap((message) => (message.type === 'lines' ? decodeLines(message) : []));
  return { messages, sources, lines, ended: () => ended, dispose: () => source.dispose() };
}

describe.skipIf(!engine.available || skipWithoutPrivateDockerd())('swarm service logs through the logs handler', () => {
  let swarm: SwarmEngine;
  let connection: EngineConnection;
  let services: BerthServices;
  let serviceId: string;
  const project = projectDir(FILES);

  beforeAll(async () => {
    swarm = await startSwarmEngine({ name: 'service-logs', images: [TEST_IMAGE], source: engine.docker });
    connection = new EngineConnection({ env: { DOCKER_HOST: swarm.dockerHost }, homeDir: '/nonexistent' });
    await connection.start();
    services = { connection, scopes: new EngineScopes(connection) } as unknown as BerthServices;
    // A wait shorter than the hook's timeout, so tasks that don't converge fail with their state, not a bare timeout.
    await deployStack(swarm.docker, await loadDir(project.dir), { stack: STACK, wait: true, waitTimeoutMs: 90_000 });
    serviceId = (await swarmApi.inspectService(swarm.docker, `${STACK}_talk`)).ID;
  });
  afterAll(async () => {
    await services?.scopes.dispose();
    await connection?.stop();
    await swarm?.dispose();
    project.dispose();
  });

  it("follows a swarm service's lines from both replicas, each under its task's name", async () => {
    const logs = openLogs(services, { target: { kind: 'swarm-service', serviceId, name: `${STACK}_talk` } });
    try {
      // Task names come from the task list: `lg_talk.<slot>.<task id>@<node>`, as `docker service logs` prints them.
      const named = await until(() => {
        const sources = logs.sources();
        return sources.length === 2 && sources.every((source) => source.name.includes('@')) ? sources : undefined;
      });
      const lines = await until(() => (logs.lines().length >= 2 ? logs.lines() : undefined));
      expect(lines.map((line) => line.text).sort()).toEqual(['hello from slot 1', 'hello from slot 2']);
      for (const line of lines) {
        const slot = line.text.split(' ').at(-1);
        expect(named[line.source]?.name).toMatch(new RegExp(`^${STACK}_talk\\.${slot}\\.[0-9a-z]{12}@`));
        expect(named[line.source]).toMatchObject({ service: `${STACK}_talk`, project: STACK });
      }
      expect(logs.messages.some((message) => message.type === 'caught-up')).toBe(true);
      expect(logs.ended()).toBeNull();
    } finally {
      logs.dispose();
    }
  });

  it('reads the history only and ends when not following; by name as well as by id', async () => {
    const input = streams.logs.input.parse({
      target: { kind: 'swarm-service', serviceId: `${STACK}_talk`, name: `${STACK}_talk` },
      follow: false,
      tail: 1,
    });
    const { messages, error } = await collectUntilEnd(logsHandlers(services).streams.logs(input));
    expect(error).toBeUndefined();
    const texts = messages.flatMap((message) => (message.type === 'lines' ? message.texts : []));
    expect(texts.sort()).toEqual(['hello from slot 1', 'hello from slot 2']);
    expect(messages.at(-1)).toEqual({ type: 'caught-up' });
  });

  it('ends with a clear error for a service that does not exist, and refuses a malformed one', async () => {
    const input = streams.logs.input.parse({
      target: { kind: 'swarm-service', serviceId: 'lg_nope', name: 'lg_nope' },
    });
    const { error } = await collectUntilEnd(logsHandlers(services).streams.logs(input));
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('lg_nope') });
    expect(
      streams.logs.input.safeParse({ target: { kind: 'swarm-service', serviceId: '../../info', name: 'x' } }).success,
    ).toBe(false);
  });
});
