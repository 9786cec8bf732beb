import { describe, expect, it } from 'vitest';
import { StackTaskSchema, type StackTask } from '@shared/schemas/cluster';
import { taskShell } from '../../../src/renderer/src/features/cluster/task-shell';

function task(overrides: Partial<StackTask>): StackTask {
  return StackTaskSchema.parse({
    id: 't1',
    name: 'ml_api.1',
    serviceId: 's1',
    serviceName: 'ml_api',
    slot: 1,
    nodeId: 'n1',
    node: 'gpu-box-2',
    desiredState: 'running',
    state: 'running',
    containerId: 'c0ffee',
    image: 'busybox',
    ports: [],
    onThisEngine: true,
    ...overrides,
  });
}

describe('a shell in a swarm task', () => {
  it("opens in a running task's container on the connected engine", () => {
    expect(taskShell(task({}))).toEqual({ containerId: 'c0ffee' });
  });

  it('says on which node a task runs when the connected engine does not run it', () => {
    expect(taskShell(task({ onThisEngine: false }))).toEqual({
      reason: "Runs on node gpu-box-2: connect Berth to that node's engine to open a shell there.",
    });
    expect(taskShell(task({ onThisEngine: false, node: undefined }))).toMatchObject({
      reason: expect.stringContaining('Runs on node n1'),
    });
  });

  it('is refused for a task that is not running, or whose container is not known yet', () => {
    expect(taskShell(task({ state: 'shutdown', desiredState: 'shutdown' }))).toEqual({
      reason: 'The task is shutdown: only a running task has a shell.',
    });
    expect(taskShell(task({ containerId: undefined }))).toMatchObject({
      reason: expect.stringContaining('not known yet'),
    });
  });
});
