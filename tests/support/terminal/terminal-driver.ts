import { openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import type { StreamFactories } from '../../../src/main/handlers/handler-types';
import type { ErrorPayload } from '@shared/errors';
import type { TerminalEvent, TerminalOpenInput } from '@shared/schemas/terminal';
import { messageCost, type ConsumerFrame, type ProducerFrame } from '@shared/stream-protocol';

export interface TerminalDriverOptions {
  /** Acknowledge output as it arrives (a consumer that keeps up); off to simulate a stalled UI. */
  autoAck?: boolean;
}

/**
 * Plays the renderer's part of a `terminal` stream over the real stream session (flow control included), with a
 * fake channel instead of a MessagePort, and lets tests type, resize and wait for output.
 */
export class TerminalDriver {
  readonly events: TerminalEvent[] = [];
  /** Output bytes received so far, decoded for matching. */
  text = '';
  receivedBytes = 0;
  unacknowledged = 0;
  maxUnacknowledged = 0;
  error: ErrorPayload | undefined;
  ended = false;
  private consumerListener: (data: unknown) => void = () => {};
  private closeListener: () => void = () => {};
  private readonly decoder = new TextDecoder();
  private readonly changed = new Set<() => void>();
  private autoAck: boolean;

  constructor(
    factories: Pick<StreamFactories, 'terminal'>,
    input: TerminalOpenInput,
    options: TerminalDriverOptions = {},
  ) {
    this.autoAck = options.autoAck ?? true;
    const channel: StreamChannel = {
      send: (frame) => this.onFrame(frame),
      onMessage: (listener) => (this.consumerListener = listener),
      onClose: (listener) => (this.closeListener = listener),
      close: () => {},
    };
    const rejected = openStreamSession(factories as StreamFactories, 'terminal', input, channel);
    if (rejected) {
      this.error = rejected;
      this.ended = true;
    }
  }

  type(text: string): void {
    this.sendFrame({ t: 'input', data: new TextEncoder().encode(text) });
  }

  resize(cols: number, rows: number): void {
    this.sendFrame({ t: 'input', data: { type: 'resize', cols, rows } });
  }

  ack(units = this.unacknowledged): void {
    this.unacknowledged -= units;
    this.sendFrame({ t: 'ack', n: units });
  }

  setAutoAck(on: boolean): void {
    this.autoAck = on;
    if (on) this.ack();
  }

  /** The consumer closes the tab. */
  close(): void {
    this.sendFrame({ t: 'close' });
    this.closeListener();
  }

  async waitForText(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const matches = () => (typeof pattern === 'string' ? this.text.includes(pattern) : pattern.test(this.text));
    await this.waitUntil(
      matches,
      timeoutMs,
      () => `output matching ${String(pattern)}; got ${JSON.stringify(this.text.slice(-300))}`,
    );
    return this.text;
  }

  async waitForEnd(timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(
      () => this.ended,
      timeoutMs,
      () => 'the stream to end',
    );
  }

  waitUntil(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (condition()) return resolve();
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.changed.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.delete(check);
        reject(new Error(`timed out waiting for ${describe()}`));
      }, timeoutMs);
      this.changed.add(check);
    });
  }

  private sendFrame(frame: ConsumerFrame): void {
    this.consumerListener(frame);
  }

  private onFrame(frame: ProducerFrame): void {
    if (frame.t === 'data') {
      if (frame.data instanceof Uint8Array) {
        this.receivedBytes += frame.data.byteLength;
        this.unacknowledged += frame.data.byteLength;
        this.maxUnacknowledged = Math.max(this.maxUnacknowledged, this.unacknowledged);
        // Keep matching cheap under a flood: only the tail matters to tests.
        this.text = (this.text + this.decoder.decode(frame.data, { stream: true })).slice(-20_000);
        if (this.autoAck) this.ack();
      } else {
        this.events.push(frame.data as TerminalEvent);
        this.sendFrame({ t: 'ack', n: messageCost(frame.data) });
      }
    } else {
      this.ended = true;
      if (frame.t === 'error') this.error = frame.error;
    }
    for (const listener of [...this.changed]) listener();
  }
}
