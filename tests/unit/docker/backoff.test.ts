import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/main/services/docker/backoff';

describe('backoffDelay', () => {
  it('doubles from 250 ms up to 2 s by default', () => {
    expect([1, 2, 3, 4, 5, 6, 100].map((failures) => backoffDelay(failures, DEFAULT_BACKOFF))).toEqual([
      250, 500, 1000, 2000, 2000, 2000, 2000,
    ]);
  });

  it('starts at the initial delay for the first retry', () => {
    expect(backoffDelay(0, { initialMs: 20, maxMs: 100 })).toBe(20);
    expect(backoffDelay(1, { initialMs: 20, maxMs: 100 })).toBe(20);
  });
});
