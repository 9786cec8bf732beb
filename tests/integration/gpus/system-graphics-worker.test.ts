import { describe, expect, it } from 'vitest';
import { readGraphicsControllers } from '../../../src/main/services/gpus/system/graphics-worker';
import { gpusFromGraphicsControllers } from '../../../src/main/services/gpus/system/graphics-controllers';

describe('systeminformation on a worker thread (this machine)', () => {
  it('answers within the timeout while the main thread keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = Date.now();
    try {
      const controllers = await readGraphicsControllers();
      const elapsed = Date.now() - started;
      expect(Array.isArray(controllers)).toBe(true);
      expect(elapsed).toBeLessThan(10_000);
      // The main thread's timers fired throughout (a blocked thread would show none until the answer came).
      expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 4));
      expect(ticks).toBeGreaterThan(0);
      expect(() => gpusFromGraphicsControllers(controllers)).not.toThrow();
    } finally {
      clearInterval(ticker);
    }
  });

  it('gives up after the timeout with a clear reason', async () => {
    await expect(readGraphicsControllers(1)).rejects.toThrow(
      'systeminformation did not list graphics controllers within 0.001 s',
    );
  });
});
