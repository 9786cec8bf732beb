import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../src/main/services/compose/engine/apply/run-steps';
import type { Step } from '../../../src/main/services/compose/engine/plan/steps';

const step = (id: string, after: string[] = []): Step => ({ id, after, kind: 'remove-network', name: id });
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runSteps', () => {
  it('runs independent steps in parallel and each after its predecessors', async () => {
    const log: string[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    await runSteps([step('a'), step('b'), step('c', ['a', 'b']), step('d', ['c'])], async (s) => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      log.push(`start ${s.id}`);
      await tick();
      log.push(`end ${s.id}`);
      concurrent--;
    });
    expect(maxConcurrent).toBe(2);
    expect(log.indexOf('start c')).toBeGreaterThan(Math.max(log.indexOf('end a'), log.indexOf('end b')));
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end c'));
  });

  it('stops starting steps after a failure, lets running ones finish, and throws the failure', async () => {
    const ran: string[] = [];
    const failing = runSteps([step('a'), step('slow'), step('b', ['a']), step('after-slow', ['slow'])], async (s) => {
      ran.push(s.id);
      if (s.id === 'a') throw new Error('boom');
      await tick(20);
    });
    await expect(failing).rejects.toThrow('boom');
    expect(ran.sort()).toEqual(['a', 'slow']);
  });

  it('cancels: no new step starts once the signal aborts, and the error is E_CANCELLED', async () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const run = runSteps(
      [step('a'), step('b', ['a'])],
      async (s) => {
        ran.push(s.id);
        controller.abort();
        await tick();
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(ran).toEqual(['a']);
  });
});
