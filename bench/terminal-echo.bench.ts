/**
 * Keystroke echo round trip: a key goes in, the container's TTY echoes it, the echo comes back out. Berth's path
 * (terminal stream source → stream session with flow control → a structured-clone MessagePort, as Electron's
 * renderer has) against `docker exec -it` driven in a pty by node-pty. Both run `cat` behind the container TTY,
 * so the echo comes from the kernel's line discipline and only the transport is measured.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { spawn, type IPty } from 'node-pty';
import { openStreamSession, type StreamChannel } from '../src/main/ipc/core/stream-session';
import type { StreamFactories } from '../src/main/handlers/handler-types';
import { createTerminalFactory } from '../src/main/services/terminals/terminal-factory';
import type { ProducerFrame } from '@shared/stream-protocol';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, type BenchResult } from './bench-kit';

const WARMUP = 30;
const SAMPLES = 400;
/** Characters typed before the line is killed (Ctrl-U), well under the TTY's 4095-character line limit. */
const LINE_LENGTH = 60;
const KEYS = 'abcdefghijklmnopqrstuvwxyz';

/** A terminal the benchmark can type into and read from, whichever path it takes. */
interface EchoTarget {
  write(text: string): void;
  onOutput(listener: (text: string) => void): void;
  close(): void;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function waitForOutput(target: { buffer: string }, pattern: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (target.buffer.includes(pattern)) return resolve();
      if (Date.now() > deadline)
        return reject(new Error(`no "${pattern}" in the output: ${JSON.stringify(target.buffer.slice(-200))}`));
      setTimeout(check, 5);
    };
    check();
  });
}

/** Starts `cat` behind the TTY (via the shell), then measures one echo per keystroke. */
async function measure(target: EchoTarget): Promise<number[]> {
  const state = { buffer: '' };
  let waiting: { key: string; resolve: () => void } | null = null;
  target.onOutput((text) => {
    state.buffer = (state.buffer + text).slice(-4096);
    if (waiting && text.includes(waiting.key)) {
      const { resolve } = waiting;
      waiting = null;
      resolve();
    }
  });
  target.write('exec cat\r');
  await waitForOutput(state, 'exec cat');
  await new Promise((resolve) => setTimeout(resolve, 300));

  const timings: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    if (i > 0 && i % LINE_LENGTH === 0) {
      target.write('\x15');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const key = KEYS[i % KEYS.length]!;
    const echoed = new Promise<void>((resolve) => (waiting = { key, resolve }));
    const start = performance.now();
    target.write(key);
    await echoed;
    if (i >= WARMUP) timings.push(performance.now() - start);
  }
  target.close();
  return timings.sort((a, b) => a - b);
}

/** Berth: the real terminal stream, its session (flow control, acks) and a structured-clone port pair. */
function berthTarget(factories: Pick<StreamFactories, 'terminal'>, containerId: string): EchoTarget {
  const { port1: mainPort, port2: rendererPort } = new MessageChannel();
  const channel: StreamChannel = {
    send: (frame) => mainPort.postMessage(frame),
    onMessage: (listener) => mainPort.on('message', listener),
    onClose: (listener) => mainPort.on('close', listener),
    close: () => mainPort.close(),
  };
  const error = openStreamSession(
    factories as StreamFactories,
    'terminal',
    { target: 'container', containerId, cols: 120, rows: 40 },
    channel,
  );
  if (error) throw new Error(error.message);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  return {
    write: (text) => rendererPort.postMessage({ t: 'input', data: encoder.encode(text) }),
    onOutput(listener) {
      rendererPort.on('message', (frame: ProducerFrame) => {
        if (frame.t !== 'data' || !(frame.data instanceof Uint8Array)) return;
        listener(decoder.decode(frame.data, { stream: true }));
        rendererPort.postMessage({ t: 'ack', n: frame.data.byteLength });
      });
    },
    close: () => closePorts(rendererPort, mainPort),
  };
}

function closePorts(...ports: MessagePort[]): void {
  for (const port of ports) port.close();
}

/** The reference: the docker CLI's own interactive exec, in a pty as a user's terminal would run it. */
function dockerCliTarget(containerId: string): EchoTarget {
  const pty: IPty = spawn('docker', ['exec', '-it', containerId, 'sh'], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    cwd: os.tmpdir(),
    env: process.env,
  });
  return {
    write: (text) => pty.write(text),
    onOutput: (listener) => void pty.onData(listener),
    close: () => pty.kill(),
  };
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sleep', '600'],
    name: `berth-bench-terminal-${randomUUID().slice(0, 8)}`,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    const factory = createTerminalFactory({
      engine: { getDocker: () => docker },
      env: process.env,
      homeDir: os.homedir(),
    });
    // Alternate the two paths so drift on the machine affects both alike.
    const berth: number[] = [];
    const reference: number[] = [];
    for (let round = 0; round < 2; round++) {
      berth.push(...(await measure(berthTarget({ terminal: factory }, container.id))));
      reference.push(...(await measure(dockerCliTarget(container.id))));
    }
    berth.sort((a, b) => a - b);
    reference.sort((a, b) => a - b);
    const [berthP50, berthP99] = [percentile(berth, 50), percentile(berth, 99)];
    const [refP50, refP99] = [percentile(reference, 50), percentile(reference, 99)];
    return {
      name: 'terminal keystroke echo (p50)',
      berthMs: berthP50,
      referenceMs: refP50,
      ratio: berthP50 / refP50,
      detail:
        `p50 ${berthP50.toFixed(2)} vs ${refP50.toFixed(2)} ms, p99 ${berthP99.toFixed(2)} vs ${refP99.toFixed(2)} ms ` +
        `(p99 ratio ${(berthP99 / refP99).toFixed(2)}); ${berth.length} keystrokes each; Berth: exec stream → stream ` +
        'session → MessagePort; reference: docker exec -it in node-pty',
    };
  } finally {
    await container.remove({ force: true });
  }
}
