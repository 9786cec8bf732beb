import { describe, expect, it } from 'vitest';
import { EngineSlots } from '../../../src/main/services/compose/engine/apply/engine-slots';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('EngineSlots', () => {
  it('runs at most `limit` tasks at once and serves waiters by priority, then arrival', async () => {
    const slots = new EngineSlots(1);
    const order: string[] = [];
    let active = 0;
    const task = (name: string) => async () => {
      active++;
      expect(active).toBe(1);
      order.push(name);
      await tick();
      active--;
    };
    await Promise.all([
      slots.run(5, task('first')),
      slots.run(5, task('late-a')),
      slots.run(1, task('urgent')),
      slots.run(5, task('late-b')),
    ]);
    expect(order).toEqual(['first', 'urgent', 'late-a', 'late-b']);
  });

  it('frees the slot when a task fails', async () => {
    const slots = new EngineSlots(1);
    await expect(slots.run(0, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(0, async () => 'ok')).resolves.toBe('ok');
  });
});
