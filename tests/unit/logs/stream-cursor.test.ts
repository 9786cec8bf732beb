import { describe, expect, it } from 'vitest';
import { StreamCursor } from '../../../src/main/services/logs/stream-cursor';

const t = (n: number) => `2024-05-01T10:00:00.00000000${n}Z`;

describe('StreamCursor', () => {
  it('accepts lines in order and records the last time', () => {
    const cursor = new StreamCursor();
    expect([t(1), t(2), t(2)].map((time) => cursor.accept(time))).toEqual([true, true, true]);
    expect(cursor.time).toBe(t(2));
  });

  it('skips what a resumed request repeats, and nothing more', () => {
    const cursor = new StreamCursor();
    for (const time of [t(1), t(2), t(2)]) cursor.accept(time);
    cursor.beginResume();
    // The engine's `since` is inclusive: both t(2) lines come again, then a third t(2) line that is new.
    expect([t(1), t(2), t(2), t(2), t(3)].map((time) => cursor.accept(time))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
