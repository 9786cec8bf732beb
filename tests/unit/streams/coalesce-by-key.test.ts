import { describe, expect, it } from 'vitest';
import { CoalesceByKey } from '../../../src/main/services/streams/coalesce-by-key';

type Message = { key: string | null; value: number };
const keyed = (key: string | null, value: number): Message => ({ key, value });

function buffer(capacity?: number) {
  const delivered: Message[] = [];
  const coalesce = new CoalesceByKey<Message>(
    (message) => delivered.push(message),
    (message) => message.key,
    capacity,
  );
  return { coalesce, delivered };
}

describe('CoalesceByKey', () => {
  it('delivers at once while flowing', () => {
    const { coalesce, delivered } = buffer();
    coalesce.push(keyed('a', 1));
    coalesce.push(keyed(null, 2));
    expect(delivered).toEqual([keyed('a', 1), keyed(null, 2)]);
  });

  it('keeps only the latest message per key while paused, in the place of the first, and every unkeyed one', () => {
    const { coalesce, delivered } = buffer();
    coalesce.pause();
    coalesce.push(keyed('pull:db', 10));
    coalesce.push(keyed(null, 100));
    coalesce.push(keyed('pull:db', 50));
    coalesce.push(keyed('pull:web', 5));
    coalesce.push(keyed(null, 101));
    coalesce.push(keyed('pull:db', 90));
    expect(delivered).toEqual([]);
    expect(coalesce.size).toBe(4);
    coalesce.resume();
    expect(delivered).toEqual([keyed('pull:db', 90), keyed(null, 100), keyed('pull:web', 5), keyed(null, 101)]);
  });

  it('stays within its capacity, giving up superseded-anyway keyed messages first', () => {
    const { coalesce, delivered } = buffer(3);
    coalesce.pause();
    coalesce.push(keyed('a', 1));
    coalesce.push(keyed(null, 2));
    coalesce.push(keyed(null, 3));
    coalesce.push(keyed(null, 4));
    for (let i = 0; i < 10_000; i++) coalesce.push(keyed(`k${i}`, i));
    expect(coalesce.size).toBe(3);
    coalesce.resume();
    expect(delivered.map((message) => message.value)).toEqual([3, 4, 9_999]);
  });

  it('stops delivering as soon as the consumer pauses it again, and keeps the rest in order', () => {
    const delivered: Message[] = [];
    const coalesce: CoalesceByKey<Message> = new CoalesceByKey<Message>(
      (message) => {
        delivered.push(message);
        if (delivered.length === 2) coalesce.pause();
      },
      (message) => message.key,
    );
    coalesce.pause();
    for (let i = 0; i < 5; i++) coalesce.push(keyed(null, i));
    coalesce.resume();
    expect(delivered.map((message) => message.value)).toEqual([0, 1]);
    coalesce.push(keyed(null, 5));
    coalesce.resume();
    expect(delivered.map((message) => message.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
