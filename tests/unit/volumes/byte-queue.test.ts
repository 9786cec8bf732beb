import { describe, expect, it } from 'vitest';
import { ByteQueue } from '../../../src/main/services/volumes/byte-queue';
import { ListingCache } from '../../../src/main/services/volumes/listing-cache';

describe('ByteQueue', () => {
  it('hands out measured reads across chunk boundaries, waiting for data', async () => {
    const queue = new ByteQueue();
    const pending = queue.read(3);
    queue.push(Buffer.from('ab'));
    expect((await pending).toString()).toBe('ab');
    queue.push(Buffer.from('cdef'));
    expect((await queue.read(3)).toString()).toBe('cde');
    expect(queue.bufferedBytes).toBe(1);
    expect((await queue.read(3)).toString()).toBe('f');
  });

  it('wakes a waiting reader with the failure', async () => {
    const queue = new ByteQueue();
    const pending = queue.read(1);
    queue.fail(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    await expect(queue.read(1)).rejects.toThrow('cancelled');
  });

  it('fails, and lets go of what it held, when a sender goes past its bound', async () => {
    const queue = new ByteQueue(10);
    expect(queue.push(Buffer.alloc(6))).toBe(true);
    expect(queue.push(Buffer.alloc(4))).toBe(true);
    expect(queue.push(Buffer.alloc(1))).toBe(false);
    expect(queue.bufferedBytes).toBe(0);
    await expect(queue.read(1)).rejects.toMatchObject({ code: 'E_INVALID_INPUT', message: /flow-control window/ });
    expect(queue.push(Buffer.alloc(1))).toBe(false);
  });
});

describe('ListingCache', () => {
  it('expires listings, keeps only a few, and forgets one target', () => {
    let now = 0;
    const cache = new ListingCache(() => now);
    cache.set('volume:a\0x', []);
    expect(cache.get('volume:a\0x')).toEqual([]);
    now = 31_000;
    expect(cache.get('volume:a\0x')).toBeNull();
    for (const key of ['1', '2', '3', '4', '5']) cache.set(`volume:b\0${key}`, []);
    expect(cache.get('volume:b\x001')).toBeNull();
    expect(cache.get('volume:b\x005')).toEqual([]);
    cache.clear('volume:b');
    expect(cache.get('volume:b\x005')).toBeNull();
  });
});
