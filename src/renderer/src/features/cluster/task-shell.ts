import type { StackTask } from '@shared/schemas/cluster';

/** Whether a shell can open in a task's container: its container id, or why not. */
export type TaskShell = { containerId: string } | { reason: string };

/**
 * A shell opens in a task's container only through the engine that runs it: a running task on the node of the engine
 * Berth is connected to. Anywhere else, the reason says where it runs.
 */
export function taskShell(task: StackTask): TaskShell {
  if (task.state !== 'running') return { reason: `The task is ${task.state}: only a running task has a shell.` };
  if (!task.onThisEngine) {
    const node = task.node ?? task.nodeId ?? 'another node';
    return { reason: `Runs on node ${node}: connect Berth to that node's engine to open a shell there.` };
  }
  if (!task.containerId) return { reason: 'Its container is not known yet: try again in a moment.' };
  return { containerId: task.containerId };
}
