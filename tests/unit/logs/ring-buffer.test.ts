import { describe, expect, it } from 'vitest';
import { RingBuffer } from '@shared/ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity and counts the dropped ones', () => {
    const ring = new RingBuffer<number>(1_000);
    for (let i = 0; i < 250_000; i++) ring.push(i);
    expect(ring.size).toBe(1_000);
    expect(ring.at(0)).toBe(249_000);
    expect(ring.at(999)).toBe(249_999);
    expect(ring.takeDropped()).toBe(249_000);
    expect(ring.takeDropped()).toBe(0);
  });

  it('shifts the oldest items first', () => {
    const ring = new RingBuffer<number>(3);
    ring.pushAll([1, 2, 3, 4]);
    expect(ring.shift(2)).toEqual([2, 3]);
    ring.push(5);
    expect(ring.toArray()).toEqual([4, 5]);
    ring.clear();
    expect(ring.size).toBe(0);
  });
});
