import { describe, expect, it } from 'vitest';
import { RingWithDroppedCount } from '../../../src/main/services/streams/ring-with-dropped-count';

type Out = { items: number[] } | { dropped: number } | { message: string };

function ring(capacity: number, batchSize = 3) {
  const out: Out[] = [];
  const buffer = new RingWithDroppedCount<number, string>(
    capacity,
    {
      items: (batch) => out.push({ items: [...batch] }),
      dropped: (count) => out.push({ dropped: count }),
      message: (message) => out.push({ message }),
    },
    batchSize,
  );
  return { buffer, out };
}

describe('RingWithDroppedCount', () => {
  it('sends items in batches while flowing, and messages in place', () => {
    const { buffer, out } = ring(10);
    buffer.pushItems([1, 2, 3, 4]);
    buffer.pushMessage('caught-up');
    expect(out).toEqual([{ items: [1, 2, 3] }, { items: [4] }, { message: 'caught-up' }]);
  });

  it('keeps the newest items while paused, says how many it dropped before them, and keeps messages after them', () => {
    const { buffer, out } = ring(4);
    buffer.pause();
    buffer.pushItems([1, 2, 3, 4, 5, 6]);
    buffer.pushMessage('notice');
    expect(out).toEqual([]);
    buffer.resume();
    expect(out).toEqual([{ dropped: 2 }, { items: [3, 4, 5] }, { items: [6] }, { message: 'notice' }]);
  });

  it('drains everything when the stream ends, whatever flow control says', () => {
    const { buffer, out } = ring(100);
    buffer.pause();
    buffer.pushItems([1, 2, 3, 4, 5]);
    buffer.drain(true);
    expect(out).toEqual([{ items: [1, 2, 3] }, { items: [4, 5] }]);
  });

  it('holds new items behind waiting ones after a resume that was cut short', () => {
    const out: number[][] = [];
    const buffer: RingWithDroppedCount<number, string> = new RingWithDroppedCount<number, string>(
      100,
      {
        items: (batch) => {
          out.push([...batch]);
          buffer.pause();
        },
        dropped: () => {},
        message: () => {},
      },
      2,
    );
    buffer.pause();
    buffer.pushItems([1, 2, 3, 4]);
    buffer.resume();
    buffer.pushItems([5]);
    expect(out).toEqual([[1, 2]]);
    buffer.resume();
    buffer.resume();
    expect(out.flat()).toEqual([1, 2, 3, 4, 5]);
  });
});
