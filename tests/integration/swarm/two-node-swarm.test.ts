/**
 * Two private dockerds, each in a network namespace of its own, joined by a veth pair, form a two-node swarm (two
 * engines in one namespace do not: their VXLAN devices clash). Berth sees both nodes, refuses an image that only
 * its engine has, and for a task on the other node says where it runs instead of opening a shell.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listClusterNodes, listStackTasks } from '../../../src/main/services/swarm/cluster-queries';
import { taskContainer } from '../../../src/main/services/swarm/service-actions';
import { deployStack } from '../../../src/main/services/swarm/stack-deploy';
import { removeStack } from '../../../src/main/services/swarm/stack-teardown';
import { swarmApi } from '../../../src/main/services/swarm/swarm-client';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../../support/swarm/swarm-engine';
import { loadDir, projectDir } from '../../support/swarm/stack-fixtures';

const engine = await requireEngine();
const COMPOSE = `services:\n  agent:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n    init: true\n    deploy: {mode: global, endpoint_mode: dnsrr}\n`;

describe.skipIf(!engine.available || skipWithoutPrivateDockerd())('a two-node swarm over a veth pair', () => {
  let manager: SwarmEngine;
  let worker: SwarmEngine;
  const suffix = randomBytes(2).toString('hex');
  const [managerLink, workerLink] = [`h4m${suffix}`, `h4w${suffix}`];
  const subnet = `10.${200 + (randomBytes(1)[0]! % 50)}.${randomBytes(1)[0]! % 250}`;
  const project = projectDir({ 'compose.yaml': COMPOSE });

  beforeAll(async () => {
    execFileSync('ip', ['link', 'add', managerLink, 'type', 'veth', 'peer', 'name', workerLink]);
    const attach = (link: string, address: string) => (namespace: { path: string; run(command: string[]): string }) => {
      const pid = namespace.path.split('/')[2]!;
      execFileSync('ip', ['link', 'set', link, 'netns', pid]);
      namespace.run(['ip', 'addr', 'add', `${address}/24`, 'dev', link]);
      namespace.run(['ip', 'link', 'set', link, 'up']);
    };
    manager = await startSwarmEngine({
      name: 'h4-mgr',
      images: [TEST_IMAGE],
      source: engine.docker,
      advertiseAddress: `${subnet}.1`,
      prepareNamespace: attach(managerLink, `${subnet}.1`),
    });
    const { JoinTokens } = (await manager.docker.swarmInspect()) as { JoinTokens: { Worker: string } };
    worker = await startSwarmEngine({
      name: 'h4-wrk',
      images: [TEST_IMAGE],
      source: engine.docker,
      advertiseAddress: `${subnet}.2`,
      join: { managerAddress: `${subnet}.1:2377`, token: JoinTokens.Worker },
      prepareNamespace: attach(workerLink, `${subnet}.2`),
    });
  });
  afterAll(async () => {
    await worker?.dispose();
    await manager?.dispose();
    project.dispose();
    try {
      execFileSync('ip', ['link', 'delete', managerLink], { stdio: 'ignore' });
    } catch {
      // Gone with its namespace.
    }
  });

  it('shows both nodes, with their roles and addresses', async () => {
    const nodes = await until(async () => {
      const listed = await listClusterNodes(manager.docker);
      return listed.length === 2 && listed.every((node) => node.state === 'ready') ? listed : undefined;
    });
    expect(nodes.map((node) => [node.role, node.self, node.address]).sort()).toEqual([
      ['manager', true, `${subnet}.1`],
      ['worker', false, `${subnet}.2`],
    ]);
  });

  it('refuses an image only this engine has, naming the service', async () => {
    await expect(deployStack(manager.docker, await loadDir(project.dir), { stack: 'two' })).rejects.toMatchObject({
      message: expect.stringContaining(`Image ${TEST_IMAGE} of service "agent" exists only on this engine`),
    });
    expect(await swarmApi.listServices(manager.docker)).toEqual([]);
  });

  it("runs a task on each node, and says on which node a task runs when it is not this engine's", async () => {
    await deployStack(manager.docker, await loadDir(project.dir), {
      stack: 'two',
      imagesPreloaded: true,
      wait: true,
      waitTimeoutMs: 90_000,
    });
    const tasks = await listStackTasks(manager.docker, { stack: 'two', runningOnly: true });
    expect(tasks.map((task) => task.onThisEngine).sort()).toEqual([false, true]);
    const remote = tasks.find((task) => !task.onThisEngine)!;
    await expect(taskContainer(manager.docker, { taskId: remote.id })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining(`runs on node ${remote.node} (${subnet}.2)`),
    });
    const local = tasks.find((task) => task.onThisEngine)!;
    expect((await taskContainer(manager.docker, { taskId: local.id })).containerId).toBe(local.containerId);
    await removeStack(manager.docker, 'two');
  });
});

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
