import type { StackProgressEvent } from '@shared/schemas/cluster';
import type { Tone } from '../../components/tone';

/** One line of a deploy's progress, as the dialog lists them; a later event with the same key replaces it. */
export interface DeployLine {
  key: string;
  tone: Tone;
  text: string;
}

const STEP_TONE = { started: 'info', done: 'ok', failed: 'bad' } as const;

/** The line an event makes, or null for events the dialog doesn't list. */
export function deployLine(event: StackProgressEvent): DeployLine | null {
  switch (event.type) {
    case 'finding': {
      const { finding } = event;
      return {
        key: `finding:${finding.service}:${finding.property}:${finding.message}`,
        tone: finding.level === 'error' ? 'bad' : finding.level === 'ignored' ? 'warn' : 'info',
        text: `${finding.service}: ${finding.property} ${finding.level === 'converted' ? 'converted' : 'ignored by Swarm'}: ${finding.message}`,
      };
    }
    case 'step':
      return {
        key: `step:${event.object}:${event.name}`,
        tone: event.action === 'unchanged' ? 'idle' : STEP_TONE[event.state],
        text: `${event.object} ${event.name}: ${event.action}${event.state === 'started' ? '…' : event.state === 'failed' ? ' failed' : ''}${event.changes?.length ? ` (${event.changes.join(', ')})` : ''}${event.message ? ` — ${event.message}` : ''}`,
      };
    case 'warning':
      return { key: `warning:${event.name}:${event.message}`, tone: 'warn', text: `${event.name}: ${event.message}` };
    case 'undo':
      return {
        key: `undo:${event.object}:${event.name}`,
        tone: event.state === 'failed' ? 'bad' : 'warn',
        text: `undo ${event.object} ${event.name}: ${event.action} ${event.state}${event.message ? ` — ${event.message}` : ''}`,
      };
    case 'tasks':
      return {
        key: 'tasks',
        tone: 'info',
        text: `tasks: ${event.services.map((service) => `${service.name} ${service.running}/${service.desired ?? '?'}`).join(', ')}`,
      };
    case 'converged':
      return { key: 'tasks', tone: 'ok', text: 'every service runs its tasks' };
  }
}

/** Adds a line in place of the one with its key, or at the end. */
export function withLine(lines: DeployLine[], line: DeployLine): DeployLine[] {
  const index = lines.findIndex((candidate) => candidate.key === line.key);
  if (index === -1) return [...lines, line];
  const next = [...lines];
  next[index] = line;
  return next;
}

/** Compose project names may end in "-" or "_"; Swarm stack names may not. */
export function stackNameFor(project: string): string {
  return project.replace(/[-_]+$/, '') || 'stack';
}
