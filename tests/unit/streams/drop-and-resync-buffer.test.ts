import { describe, expect, it } from 'vitest';
import { DropAndResyncBuffer } from '../../../src/main/services/streams/drop-and-resync-buffer';

describe('DropAndResyncBuffer', () => {
  it('delivers at once while flowing, holds while paused, and flushes in order on resume', () => {
    const delivered: number[] = [];
    const buffer = new DropAndResyncBuffer<number>(
      (message) => delivered.push(message),
      () => {},
      10,
    );
    buffer.push(1);
    buffer.pause();
    buffer.push(2);
    buffer.push(3);
    expect(delivered).toEqual([1]);
    buffer.resume();
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('keeps its bound while paused and reports how many it dropped', () => {
    const delivered: number[] = [];
    const dropped: number[] = [];
    const buffer = new DropAndResyncBuffer<number>(
      (message) => delivered.push(message),
      (count) => dropped.push(count),
      3,
    );
    buffer.pause();
    for (let i = 0; i < 10_000; i++) buffer.push(i);
    buffer.resume();
    expect(delivered).toEqual([0, 1, 2]);
    expect(dropped).toEqual([9_997]);
  });

  it('stops flushing when delivery pauses it again', () => {
    const delivered: number[] = [];
    const buffer: DropAndResyncBuffer<number> = new DropAndResyncBuffer<number>(
      (message) => {
        delivered.push(message);
        if (message === 2) buffer.pause();
      },
      () => {},
      10,
    );
    buffer.pause();
    [1, 2, 3, 4].forEach((message) => buffer.push(message));
    buffer.resume();
    expect(delivered).toEqual([1, 2]);
    buffer.resume();
    expect(delivered).toEqual([1, 2, 3, 4]);
  });
});
