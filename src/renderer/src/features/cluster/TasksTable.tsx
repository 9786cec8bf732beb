import { SquareTerminal } from 'lucide-react';
import type { StackTask } from '@shared/schemas/cluster';
import { Button } from '../../components/Button';
import { StatusDot } from '../../components/StatusDot';
import { openContainerShell } from '../terminals/open-terminal';
import { taskTone } from './cluster-tones';
import { taskShell } from './task-shell';

/** A shell in the task's container when the connected engine runs it; otherwise a disabled button that says why. */
function ShellCell({ task }: { task: StackTask }) {
  const shell = taskShell(task);
  const elsewhere = task.state === 'running' && !task.onThisEngine;
  return (
    <td className="cluster-task-shell">
      <Button
        size="sm"
        variant="ghost"
        icon={<SquareTerminal size={14} aria-hidden="true" />}
        disabled={'reason' in shell}
        title={'reason' in shell ? shell.reason : `Open a shell in ${task.name}`}
        aria-label={'reason' in shell ? `Shell: ${shell.reason}` : `Open a shell in ${task.name}`}
        onClick={() => 'containerId' in shell && openContainerShell(shell.containerId, task.name)}
        data-testid="cluster-task-shell"
      >
        Shell
      </Button>
      {elsewhere && <span className="muted"> runs on node {task.node ?? task.nodeId}</span>}
    </td>
  );
}

function sinceText(since: string | undefined): string {
  if (!since) return '';
  const date = new Date(since);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

/** The tasks of one service, newest first per slot, with the engine's error for a task that failed or waits. */
export function TasksTable({ tasks, serviceName }: { tasks: StackTask[]; serviceName: string }) {
  if (!tasks.length) return <p className="empty">No tasks of {serviceName} yet.</p>;
  return (
    <table className="data-table cluster-tasks" data-testid="cluster-tasks" aria-label={`Tasks of ${serviceName}`}>
      <thead>
        <tr>
          <th>Task</th>
          <th>Node</th>
          <th>Desired</th>
          <th>State</th>
          <th>Error</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-testid="cluster-task" data-state={task.state}>
            <td className="mono">{task.name}</td>
            <td title={task.onThisEngine ? 'The engine Berth is connected to' : undefined}>
              {task.node ?? '—'}
              {task.onThisEngine ? ' (this engine)' : ''}
            </td>
            <td>{task.desiredState}</td>
            <td>
              <StatusDot tone={taskTone(task.state)} /> {task.state}{' '}
              <span className="muted">{sinceText(task.since)}</span>
            </td>
            <td className={task.error ? 'cluster-task-error' : 'muted'} data-testid="cluster-task-error">
              {task.error ?? (task.state === task.desiredState ? '' : (task.message ?? ''))}
              {task.exitCode ? ` (exit code ${task.exitCode})` : ''}
            </td>
            <ShellCell task={task} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
