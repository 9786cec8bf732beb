import { describe, expect, it, vi } from 'vitest';
import { createTerminalSource } from '../../../src/main/services/terminals/terminal-source';
import type { TerminalProcess } from '../../../src/main/services/terminals/terminal-process';
import type { TerminalMessage } from '@shared/schemas/terminal';

function fakeProcess() {
  let emitData: (bytes: Uint8Array) => void = () => {};
  let emitExit: (code: number | null) => void = () => {};
  const process = {
    shell: 'sh',
    onData: (listener: (bytes: Uint8Array) => void) => (emitData = listener),
    onExit: (listener: (code: number | null) => void) => (emitExit = listener),
    write: vi.fn(),
    resize: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    end: vi.fn(),
  } satisfies TerminalProcess;
  return { process, output: (bytes: Uint8Array) => emitData(bytes), exit: (code: number | null) => emitExit(code) };
}

function sink() {
  const messages: TerminalMessage[] = [];
  return { messages, emit: (message: TerminalMessage) => messages.push(message), end: vi.fn() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createTerminalSource', () => {
  it('announces the shell, forwards output as exact bytes, and ends with the exit code', async () => {
    const fake = fakeProcess();
    const out = sink();
    createTerminalSource(async () => fake.process).start(out);
    await flush();
    const pooled = new Uint8Array([0, 104, 105, 0]).subarray(1, 3);
    fake.output(pooled);
    fake.exit(3);
    expect(out.messages[0]).toEqual({ type: 'started', shell: 'sh' });
    const bytes = out.messages[1] as Uint8Array;
    expect([...bytes]).toEqual([104, 105]);
    expect(bytes.buffer.byteLength).toBe(2);
    expect(out.messages[2]).toEqual({ type: 'exit', exitCode: 3 });
    expect(out.end).toHaveBeenCalledWith();
  });

  it('applies keystrokes, the last resize and a pause that arrived while the shell was starting', async () => {
    const fake = fakeProcess();
    const source = createTerminalSource(async () => fake.process);
    source.start(sink());
    source.receive!('ls\r');
    source.receive!(new Uint8Array([3]));
    source.receive!({ type: 'resize', cols: 90, rows: 20 });
    source.receive!({ type: 'resize', cols: 100, rows: 30 });
    source.receive!({ type: 'resize', cols: 1, rows: 30 });
    source.receive!({ something: 'else' });
    source.pause();
    await flush();
    expect(fake.process.write.mock.calls.map(([bytes]) => [...(bytes as Uint8Array)])).toEqual([[108, 115, 13], [3]]);
    expect(fake.process.resize).toHaveBeenCalledOnce();
    expect(fake.process.resize).toHaveBeenCalledWith(100, 30);
    expect(fake.process.pause).toHaveBeenCalledOnce();
    source.resume();
    expect(fake.process.resume).toHaveBeenCalledOnce();
  });

  it('ends the process when the consumer closes, and not after it already exited', async () => {
    const fake = fakeProcess();
    const source = createTerminalSource(async () => fake.process);
    source.start(sink());
    await flush();
    source.dispose();
    expect(fake.process.end).toHaveBeenCalledOnce();

    const exited = fakeProcess();
    const other = createTerminalSource(async () => exited.process);
    other.start(sink());
    await flush();
    exited.exit(0);
    other.dispose();
    expect(exited.process.end).not.toHaveBeenCalled();
  });

  it('ends a process that finished starting after the tab was closed', async () => {
    const fake = fakeProcess();
    let finishStarting: (process: TerminalProcess) => void = () => {};
    const source = createTerminalSource(() => new Promise((resolve) => (finishStarting = resolve)));
    const out = sink();
    source.start(out);
    source.dispose();
    finishStarting(fake.process);
    await flush();
    expect(fake.process.end).toHaveBeenCalledOnce();
    expect(out.messages).toEqual([]);
  });

  it('ends the stream with the error when the shell cannot start', async () => {
    const out = sink();
    const failure = new Error('no shell');
    createTerminalSource(() => Promise.reject(failure)).start(out);
    await flush();
    expect(out.end).toHaveBeenCalledWith(failure);
  });
});
