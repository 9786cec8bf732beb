import { describe, expect, it } from 'vitest';
import { createOperationSource } from '../../../src/main/services/streams/operation-source';

type Message = { type: 'progress'; key: string; n: number } | { type: 'done' };

function recorder() {
  const messages: Message[] = [];
  const ends: unknown[] = [];
  return { messages, ends, sink: { emit: (m: Message) => messages.push(m), end: (e?: unknown) => ends.push(e) } };
}

describe('an operation stream', () => {
  it('coalesces progress while paused and ends only after the last message went out', async () => {
    let finish!: () => void;
    const source = createOperationSource<Message>({
      keyOf: (m) => (m.type === 'progress' ? m.key : null),
      cancelledMessage: 'cancelled',
      run: async (_signal, push) => {
        push({ type: 'progress', key: 'a', n: 1 });
        await new Promise<void>((resolve) => (finish = resolve));
        push({ type: 'progress', key: 'a', n: 2 });
        push({ type: 'progress', key: 'a', n: 3 });
        return { type: 'done' };
      },
    });
    const out = recorder();
    source.start(out.sink);
    source.pause();
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(out.ends).toEqual([]);
    source.resume();
    expect(out.messages).toEqual([
      { type: 'progress', key: 'a', n: 1 },
      { type: 'progress', key: 'a', n: 3 },
      { type: 'done' },
    ]);
    expect(out.ends).toEqual([undefined]);
  });

  it('cancels the operation when the consumer goes away, with the message given', async () => {
    let reason: unknown;
    const source = createOperationSource<Message>({
      keyOf: () => null,
      cancelledMessage: 'up was cancelled.',
      run: (signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            reject(signal.reason as Error);
          }),
        ),
    });
    source.start(recorder().sink);
    source.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reason).toMatchObject({ code: 'E_CANCELLED', message: 'up was cancelled.' });
  });
});
