import { describe, expect, it } from 'vitest';
import { StackProgressEventSchema } from '@shared/schemas/cluster';
import { replicasTone, taskTone } from '../../../src/renderer/src/features/cluster/cluster-tones';
import { deployLine, stackNameFor, withLine } from '../../../src/renderer/src/features/cluster/deploy-lines';

describe('deploy progress lines', () => {
  it("replaces a step's line as it moves on, and keeps findings and warnings apart", () => {
    const events = [
      {
        type: 'finding',
        finding: { service: 'web', property: 'build', level: 'ignored', message: 'Swarm runs images' },
      },
      { type: 'step', object: 'network', name: 'ml_default', action: 'create', state: 'started' },
      { type: 'step', object: 'service', name: 'ml_web', action: 'update', state: 'started' },
      { type: 'step', object: 'network', name: 'ml_default', action: 'create', state: 'done' },
      { type: 'step', object: 'service', name: 'ml_web', action: 'update', state: 'failed', message: 'no such image' },
      { type: 'tasks', services: [{ name: 'ml_web', running: 0, desired: 2 }] },
      { type: 'converged' },
    ].map((event) => StackProgressEventSchema.parse(event));
    const lines = events.reduce(
      (shown, event) => withLine(shown, deployLine(event)!),
      [] as ReturnType<typeof withLine>,
    );
    expect(lines.map((line) => [line.tone, line.text])).toEqual([
      ['warn', 'web: build ignored by Swarm: Swarm runs images'],
      ['ok', 'network ml_default: create'],
      ['bad', 'service ml_web: update failed — no such image'],
      ['ok', 'every service runs its tasks'],
    ]);
  });

  it('makes a stack name Swarm accepts from a Compose project name', () => {
    expect(stackNameFor('mlflow')).toBe('mlflow');
    expect(stackNameFor('my_project-')).toBe('my_project');
  });
});

describe('cluster tones', () => {
  it('colours replicas by whether they are on their way or failing', () => {
    expect(replicasTone(2, 2, false)).toBe('ok');
    expect(replicasTone(0, 0, false)).toBe('idle');
    expect(replicasTone(0, 1, false)).toBe('warn');
    expect(replicasTone(0, 1, true)).toBe('bad');
  });

  it('colours tasks by state', () => {
    expect(['running', 'starting', 'rejected', 'shutdown'].map(taskTone)).toEqual(['ok', 'info', 'bad', 'idle']);
  });
});
