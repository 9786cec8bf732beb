import type { StackTask } from '@shared/schemas/cluster';
import { StatusDot } from '../../components/StatusDot';
import { taskTone } from './cluster-tones';

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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
