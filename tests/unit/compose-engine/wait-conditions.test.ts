import { describe, expect, it } from 'vitest';
import { checkCondition } from '../../../src/main/services/compose/engine/apply/wait-dependencies';

describe('checkCondition', () => {
  it('service_started holds once the dependency was started', () => {
    expect(checkCondition('service_started', 'db', 'p-db-1', { Status: 'running' }, false)).toEqual({ done: true });
  });

  it('service_healthy waits while starting and fails with Compose texts', () => {
    const healthy = (status: string, state = 'running', hasCheck = true) =>
      checkCondition(
        'service_healthy',
        'db',
        'p-db-1',
        { Status: state, Health: { Status: status }, ExitCode: 3 },
        hasCheck,
      );
    expect(healthy('starting')).toEqual({ done: false, waitingHealthy: true });
    expect(healthy('healthy')).toEqual({ done: true });
    expect(healthy('unhealthy')).toEqual({ failed: 'dependency failed to start: container p-db-1 is unhealthy' });
    expect(healthy('starting', 'exited')).toEqual({
      failed: 'dependency failed to start: container p-db-1 exited (3)',
    });
    expect(healthy('', 'running', false)).toEqual({
      failed: 'dependency failed to start: container p-db-1 has no healthcheck configured',
    });
  });

  it('service_completed_successfully needs exit 0', () => {
    const completed = (status: string, code: number) =>
      checkCondition('service_completed_successfully', 'init', 'p-init-1', { Status: status, ExitCode: code }, false);
    expect(completed('running', 0)).toEqual({ done: false });
    expect(completed('exited', 0)).toEqual({ done: true });
    expect(completed('exited', 3)).toEqual({ failed: `service "init" didn't complete successfully: exit 3` });
  });
});
