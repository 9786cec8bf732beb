import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { FrameDemuxer } from '../../../src/main/services/logs/frame-demuxer';
import { requireEngine } from '../../support/require-engine';
import { collectLogs, removeProject, runServiceContainer, uniqueProject, waitForExit } from './log-collector';

const engine = await requireEngine();

async function timestampedLines(container: Docker.Container): Promise<string[]> {
  const output = await container.logs({ stdout: true, stderr: true, timestamps: true, follow: false });
  const text = Buffer.isBuffer(output) ? output : Buffer.from(String(output));
  const lines: string[] = [];
  new FrameDemuxer((_stream, payload) => lines.push(payload.toString('utf8').trimEnd())).push(text);
  return lines;
}

describe.skipIf(!engine.available)('logs service against the real engine', () => {
  const project = uniqueProject();
  let connection: EngineConnection;

  beforeAll(async () => {
    connection = new EngineConnection({ env: process.env, homeDir: homedir() });
    await connection.start();
  });

  afterAll(async () => {
    await removeProject(engine.docker, project);
    await connection?.stop();
  });

  it('demultiplexes stdout and stderr, binary-safe, with UTF-8 split across the engine’s 16 KiB frames', async () => {
    // The engine cuts lines at 16 KiB: 16,383 ASCII bytes put the cut inside the two bytes of "é". The `local` log
    // driver keeps the bytes as they were (json-file would already have replaced the halves in the engine).
    const script = [
      'printf "out one\\n"',
      'printf "err one\\n" >&2',
      'printf "bin \\000\\001\\377 end\\n"',
      'head -c 16383 /dev/zero | tr "\\000" a; printf "\\303\\251 tail\\n"',
      'printf "out two\\n"',
    ].join('; ');
    const container = await runServiceContainer(engine.docker, {
      project,
      service: 'demux',
      script,
      logDriver: 'local',
    });
    await waitForExit(container);
    const logs = collectLogs(connection, { target: { kind: 'container', id: container.id }, follow: false });
    await logs.until(() => logs.ended, 20_000, 'the end of the history');
    expect(logs.error).toBeUndefined();
    const lines = logs.lines.map((line) => [
      line.stream,
      line.text.length > 40 ? `${line.text.length}:${line.text.slice(-7)}` : line.text,
    ]);
    expect(lines).toContainEqual(['stderr', 'err one']);
    expect(lines.filter(([stream]) => stream === 'stdout')).toEqual([
      ['stdout', 'out one'],
      ['stdout', 'bin \u0000\u0001\uFFFD end'],
      ['stdout', `${16383 + 'é tail'.length}:aé tail`],
      ['stdout', 'out two'],
    ]);
  });

  it('passes TTY output through raw, carriage returns and ANSI colours kept', async () => {
    const script = 'printf "10%%\\r50%%\\r100%%\\n"; printf "\\033[31mred\\033[0m\\n"';
    const container = await runServiceContainer(engine.docker, { project, service: 'tty', script, tty: true });
    await waitForExit(container);
    const logs = collectLogs(connection, { target: { kind: 'container', id: container.id }, follow: false });
    await logs.until(() => logs.ended, 20_000, 'the end of the history');
    expect(logs.texts()).toEqual(['10%\r50%\r100%', '\u001b[31mred\u001b[0m']);
    expect(logs.sources[0]?.tty).toBe(true);
  });

  it('merges the services of a project by timestamp', async () => {
    const merged = uniqueProject('berth-merge');
    try {
      const tick = (name: string) => `for i in 1 2 3 4 5 6; do echo ${name}$i; sleep 0.3; done`;
      const [a, b] = await Promise.all([
        runServiceContainer(engine.docker, { project: merged, service: 'a', script: tick('a') }),
        runServiceContainer(engine.docker, { project: merged, service: 'b', script: tick('b') }),
      ]);
      await Promise.all([waitForExit(a), waitForExit(b)]);
      const logs = collectLogs(connection, { target: { kind: 'project', project: merged }, follow: false });
      await logs.until(() => logs.ended, 20_000, 'the end of the history');
      // The engine's own timestamps decide the order; the two containers' lines do interleave.
      const truth = (await Promise.all([a, b].map((container) => timestampedLines(container)))).flat().sort();
      const expected = truth.map((line) => line.slice(line.indexOf(' ') + 1));
      expect(expected.indexOf('b1')).toBeLessThan(expected.indexOf('a6'));
      expect(expected.indexOf('a1')).toBeLessThan(expected.indexOf('b6'));
      expect(logs.texts()).toEqual(expected);
      expect(logs.sources.map((source) => source.service)).toEqual(['a', 'b']);
    } finally {
      await removeProject(engine.docker, merged);
    }
  });

  it('receives all 200,000 lines of a container, in order, while it prints them', async () => {
    const script = 'sleep 0.5; seq 1 200000; sleep 60';
    const container = await runServiceContainer(engine.docker, { project, service: 'many', script });
    const logs = collectLogs(connection, { target: { kind: 'service', project, service: 'many' } });
    try {
      await logs.until(() => logs.lines.length >= 200_000, 60_000, '200,000 lines');
      const texts = logs.texts();
      expect(texts.length).toBe(200_000);
      const firstWrong = texts.findIndex((text, index) => text !== String(index + 1));
      expect(firstWrong).toBe(-1);
      expect(logs.messages.some((message) => message.type === 'dropped')).toBe(false);
    } finally {
      logs.close();
      await container.remove({ force: true });
    }
  });

  it('keeps its bound when the consumer never acknowledges, and says how many lines it dropped', async () => {
    const container = await runServiceContainer(engine.docker, { project, service: 'flood', script: 'seq 1 50000' });
    await waitForExit(container);
    const logs = collectLogs(connection, {
      target: { kind: 'container', id: container.id },
      follow: false,
      bufferLines: 1_000,
    });
    logs.stopAcknowledging();
    await logs.until(() => logs.ended, 30_000, 'the end');
    const dropped = logs.messages.find((message) => message.type === 'dropped');
    const count = dropped?.type === 'dropped' ? dropped.count : 0;
    expect(count).toBeGreaterThan(0);
    expect(logs.lines.length + count).toBe(50_000);
    // Before the consumer stalled: 1…k in order; after it: only the newest lines, no more than the buffer holds.
    const numbers = logs.lines.map((line) => Number(line.text));
    const gap = numbers.findIndex((n, i) => n !== i + 1);
    expect(numbers.length - gap).toBeLessThanOrEqual(1_000);
    expect(numbers.slice(gap)).toEqual(Array.from({ length: numbers.length - gap }, (_, i) => gap + count + i + 1));
    expect(numbers.at(-1)).toBe(50_000);
    await container.remove({ force: true });
  });
});
