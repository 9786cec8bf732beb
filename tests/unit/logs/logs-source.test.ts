import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import type { EngineWatch } from '../../../src/main/services/docker/engine-watch';
import { createLogsSource } from '../../../src/main/services/logs/logs-source';
import type { EngineState } from '@shared/schemas/engine';
import { decodeLines, encodeLines, type LogLine, type LogsMessage } from '@shared/schemas/logs';
import { messageCost } from '@shared/stream-protocol';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** An engine with one stopped container whose log holds `count` numbered lines; no HTTP involved. */
function engineWithLines(count: number): EngineWatch {
  const log = Buffer.concat(
    Array.from({ length: count }, (_, i) => frame(1, `2024-05-01T10:00:00.${String(i).padStart(9, '0')}Z ${i + 1}\n`)),
  );
  const docker = {
    getContainer: (id: string) => ({
      inspect: async () => ({ Id: id, Name: '/c1', Config: { Labels: {}, Tty: false }, State: { Running: false } }),
    }),
    listContainers: async () => [],
    modem: {
      dial: (_options: object, callback: (error: unknown, stream: Readable) => void) =>
        callback(null, Readable.from([log.subarray(0, 1000), log.subarray(1000)])),
    },
  } as unknown as Docker;
  const connected = { status: 'connected' } as EngineState;
  return { getState: () => connected, onStateChange: () => () => {}, onEvent: () => () => {}, getDocker: () => docker };
}

/** Like `engineWithLines`, but the first read breaks the connection (`socket hang up`) while the engine still says connected. */
function engineDroppingFirstRead(count: number): EngineWatch & { dials: () => number } {
  const engine = engineWithLines(count);
  const docker = engine.getDocker();
  const dial = docker.modem.dial.bind(docker.modem);
  let dials = 0;
  docker.modem.dial = ((...args: Parameters<typeof dial>) => {
    dials++;
    if (dials === 1) return args[1]!(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), null);
    return dial(...args);
  }) as typeof docker.modem.dial;
  return { ...engine, dials: () => dials };
}

function run(engine: EngineWatch, bufferLines: number, stallAfterFirst: boolean): Promise<LogsMessage[]> {
  const source = createLogsSource(engine, { target: { kind: 'container', id: 'c1' }, follow: false, bufferLines });
  const messages: LogsMessage[] = [];
  return new Promise((resolve, reject) => {
    source.start({
      emit(message) {
        messages.push(message);
        if (stallAfterFirst && message.type === 'lines') source.pause();
      },
      end: (error) => (error ? reject(error) : resolve(messages)),
    });
  });
}

const numbers = (messages: LogsMessage[]) =>
  messages.flatMap((message) => (message.type === 'lines' ? message.texts.map(Number) : []));

describe('the logs stream source', () => {
  it('delivers every line in order while the consumer keeps up', async () => {
    const messages = await run(engineWithLines(5_000), 1_000, false);
    expect(numbers(messages)).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 1));
    expect(messages.map((message) => message.type).filter((type) => type !== 'lines')).toEqual([
      'sources',
      'caught-up',
    ]);
  });

  it('holds at most bufferLines for a stalled consumer, then reports the dropped count before the newest lines', async () => {
    const messages = await run(engineWithLines(5_000), 1_000, true);
    const types = messages.map((message) => message.type);
    const firstBatch = numbers(messages.slice(0, types.indexOf('lines') + 1));
    const dropped = messages.find((message) => message.type === 'dropped');
    expect(dropped).toEqual({ type: 'dropped', count: 5_000 - firstBatch.length - 1_000 });
    expect(numbers(messages).slice(firstBatch.length)).toEqual(Array.from({ length: 1_000 }, (_, i) => 4_001 + i));
    expect(types.indexOf('dropped')).toBeGreaterThan(types.indexOf('lines'));
    expect(types.at(-1)).toBe('caught-up');
  });
});

describe('a followed logs stream whose first read breaks', () => {
  it('waits out a drop the connection has not noticed and reads again, rather than ending with the error', async () => {
    const engine = engineDroppingFirstRead(50);
    const source = createLogsSource(engine, {
      target: { kind: 'container', id: 'c1' },
      follow: true,
      bufferLines: 1_000,
    });
    const messages: LogsMessage[] = [];
    let ended: { error?: unknown } | null = null;
    source.start({ emit: (message) => messages.push(message), end: (error) => (ended = { error }) });
    try {
      await vi.waitFor(() => expect(numbers(messages)).toHaveLength(50), { timeout: 5_000 });
      expect(numbers(messages)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(engine.dials()).toBeGreaterThanOrEqual(2);
      expect(ended).toBeNull();
    } finally {
      source.dispose();
    }
  });
});

describe('line batches on the wire', () => {
  it('encode column by column and decode to the same lines', () => {
    const lines: LogLine[] = [
      { time: '2024-05-01T10:00:00.000000001Z', source: 0, stream: 'stdout', text: 'a' },
      { time: '2024-05-01T10:00:00.000000002Z', source: 1, stream: 'stderr', text: 'b' },
    ];
    const message = encodeLines(lines);
    expect(message.stderr).toEqual([1]);
    expect(decodeLines(message)).toEqual(lines);
    expect(messageCost(message)).toBeLessThan(messageCost({ type: 'lines', lines }) * 0.75);
  });
});
