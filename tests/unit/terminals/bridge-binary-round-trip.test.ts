import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamFactories } from '../../../src/main/handlers/handler-types';
import type { StreamSink, StreamSource } from '../../../src/main/services/streams/stream-source';
import { createBridgeApi } from '../../../src/renderer/src/lib/bridge-transport';
import type { TerminalMessage } from '@shared/schemas/terminal';
import { startBridge, type Bridge } from '../../support/bridge/bridge-server';

/** A terminal producer that echoes every keystroke back, reversed, and records what it received. */
function echoSource(received: unknown[]): StreamSource<TerminalMessage> {
  let sink: StreamSink<TerminalMessage> | undefined;
  return {
    start: (given) => (sink = given),
    pause: () => {},
    resume: () => {},
    receive(data) {
      received.push(data);
      if (data instanceof Uint8Array) sink?.emit(Uint8Array.from(data).reverse());
      else sink?.emit({ type: 'exit', exitCode: 0 });
    },
    dispose: () => {},
  };
}

describe('the test bridge carries terminal bytes both ways', () => {
  const received: unknown[] = [];
  let bridge: Bridge;

  beforeAll(async () => {
    bridge = await startBridge({
      rendererDir: os.tmpdir(),
      operations: {} as never,
      streams: { terminal: () => echoSource(received) } as unknown as StreamFactories,
    });
  });

  afterAll(async () => {
    await bridge?.close();
  });

  it('keystrokes arrive as Uint8Array, output comes back as Uint8Array, control messages as objects', async () => {
    const api = createBridgeApi(bridge.origin, bridge.token);
    const messages: TerminalMessage[] = [];
    const done = new Promise<void>((resolve) => {
      const handle = api.streams.open(
        'terminal',
        { target: 'host', cols: 80, rows: 24 },
        {
          onMessage(message) {
            messages.push(message);
            if (messages.length === 1) handle.send({ type: 'resize', cols: 100, rows: 30 });
            else {
              handle.close();
              resolve();
            }
          },
          onClose: () => {},
        },
      );
      // The request goes out when the socket opens; input sent before that would be lost, so wait for it.
      setTimeout(() => handle.send(new Uint8Array([0, 1, 2, 255])), 200);
    });
    await done;
    expect(received[0]).toBeInstanceOf(Uint8Array);
    expect([...(received[0] as Uint8Array)]).toEqual([0, 1, 2, 255]);
    expect(received[1]).toEqual({ type: 'resize', cols: 100, rows: 30 });
    expect(messages[0]).toBeInstanceOf(Uint8Array);
    expect([...(messages[0] as Uint8Array)]).toEqual([255, 2, 1, 0]);
    expect(messages[1]).toEqual({ type: 'exit', exitCode: 0 });
  });
});
