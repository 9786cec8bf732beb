import type { Tone } from '../../components/tone';

/** A task's state as a colour: running green, on its way blue, failed red, finished or shut down grey. */
export function taskTone(state: string): Tone {
  if (state === 'running' || state === 'complete') return 'ok';
  if (['failed', 'rejected', 'orphaned'].includes(state)) return 'bad';
  if (['shutdown', 'remove'].includes(state)) return 'idle';
  return 'info';
}

/** A service's replicas: all running green, short of them amber while on their way, red when tasks fail. */
export function replicasTone(running: number, desired: number, failing: boolean): Tone {
  if (running >= desired) return desired === 0 ? 'idle' : 'ok';
  return failing ? 'bad' : 'warn';
}

/** A node: ready and active green, drained or paused amber, down red. */
export function nodeTone(state: string, availability: string): Tone {
  if (state !== 'ready') return state === 'down' || state === 'disconnected' ? 'bad' : 'unknown';
  return availability === 'active' ? 'ok' : 'warn';
}
