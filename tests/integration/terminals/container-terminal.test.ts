import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type Docker from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTerminalFactory } from '../../../src/main/services/terminals/terminal-factory';
import type { ContainerTerminalInput } from '@shared/schemas/terminal';
import { FLOW_CONTROL } from '@shared/stream-protocol';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { TerminalDriver, type TerminalDriverOptions } from '../../support/terminal/terminal-driver';

const engine = await requireEngine();

/** Command lines of the container's processes, as the engine's `top` reports them. */
async function processes(container: Docker.Container): Promise<string[]> {
  const top = await container.top({ ps_args: '-o pid,args' }).catch(() => container.top());
  return top.Processes.map((row: string[]) => row[row.length - 1] ?? '');
}

async function waitForProcesses(container: Docker.Container, matches: (list: string[]) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let list = await processes(container);
  while (!matches(list)) {
    if (Date.now() > deadline) throw new Error(`processes never matched; last: ${JSON.stringify(list)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    list = await processes(container);
  }
  return list;
}

describe.skipIf(!engine.available)('container terminals against the real engine', () => {
  const name = `berth-terminal-it-${randomUUID().slice(0, 8)}`;
  let container: Docker.Container;
  const factory = createTerminalFactory({
    engine: { getDocker: () => engine.docker },
    env: process.env,
    homeDir: os.homedir(),
  });
  const opened: TerminalDriver[] = [];
  const open = (input: Partial<ContainerTerminalInput> = {}, options?: TerminalDriverOptions) => {
    const terminal = new TerminalDriver(
      { terminal: factory },
      { target: 'container', containerId: container.id, cols: 80, rows: 24, ...input },
      options,
    );
    opened.push(terminal);
    return terminal;
  };

  afterEach(() => {
    // A failed test must not leave its shell behind for the next one's process count.
    for (const terminal of opened.splice(0)) if (!terminal.ended) terminal.close();
  });

  beforeAll(async () => {
    container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
      name,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
  });

  afterAll(async () => {
    await container?.remove({ force: true });
  });

  it('falls back to sh in an image without bash and echoes what is typed', async () => {
    const terminal = open();
    await terminal.waitUntil(
      () => terminal.events.length > 0,
      10_000,
      () => 'the shell to start',
    );
    expect(terminal.events[0]).toEqual({ type: 'started', shell: 'sh' });
    terminal.type('echo hello-$((6*7))\r');
    await terminal.waitForText('hello-42');
    terminal.close();
  });

  it('applies user, working directory and environment options', async () => {
    const terminal = open({ user: 'nobody', workdir: '/tmp', env: ['BERTH_GREETING=ahoy'] });
    terminal.type('echo "u=$(id -u) d=$(pwd) g=$BERTH_GREETING t=$TERM"\r');
    await terminal.waitForText(/u=65534 d=\/tmp g=ahoy t=xterm-256color/);
    terminal.close();
  });

  it('resizes the TTY: stty size follows the view', async () => {
    const terminal = open({ cols: 100, rows: 30 });
    terminal.type('stty size\r');
    await terminal.waitForText(/\r\n30 100\r\n/);
    terminal.resize(132, 40);
    terminal.type('stty size\r');
    await terminal.waitForText(/\r\n40 132\r\n/);
    terminal.close();
  });

  it('applies the latest size when resizes race the start: the last one wins', async () => {
    const terminal = open({ cols: 100, rows: 30 });
    terminal.resize(90, 20);
    terminal.resize(150, 45);
    terminal.type('stty size\r');
    await terminal.waitForText(/\r\n45 150\r\n/);
    terminal.close();
  });

  it('reports the exit code when the shell ends, then ends the stream', async () => {
    const terminal = open();
    terminal.type('exit 7\r');
    await terminal.waitForEnd();
    expect(terminal.error).toBeUndefined();
    expect(terminal.events.at(-1)).toEqual({ type: 'exit', exitCode: 7 });
  });

  it('closing the tab ends the shell and what it started: no orphans in the container', async () => {
    const terminal = open();
    terminal.type('sleep 4242 | cat\r');
    await waitForProcesses(container, (list) => list.some((args) => args.includes('sleep 4242')));
    terminal.close();
    const left = await waitForProcesses(container, (list) => list.length === 1);
    expect(left[0]).toContain('sleep 600');
  });

  it('leaves no orphans when the shell runs as another user, or is paused mid-flood', async () => {
    const asNobody = open({ user: 'nobody' });
    asNobody.type('sleep 4343 | cat\r');
    await waitForProcesses(container, (list) => list.some((args) => args.includes('sleep 4343')));
    asNobody.close();
    await waitForProcesses(container, (list) => list.length === 1);

    const flooded = open({}, { autoAck: false });
    flooded.type('cat /dev/urandom | base64\r');
    await flooded.waitUntil(
      () => flooded.receivedBytes > FLOW_CONTROL.highWatermark,
      10_000,
      () => 'the flood',
    );
    flooded.close();
    await waitForProcesses(container, (list) => list.length === 1);
  });

  it('pauses a flood above the high watermark, resumes on acknowledgement, and ends it on close', async () => {
    const terminal = open({}, { autoAck: false });
    terminal.type('cat /dev/urandom | base64\r');
    await terminal.waitUntil(
      () => terminal.receivedBytes > FLOW_CONTROL.highWatermark,
      10_000,
      () => 'the flood',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const whilePaused = terminal.receivedBytes;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Paused: nothing more arrives while nothing is acknowledged (at most what was already in flight).
    expect(terminal.receivedBytes).toBe(whilePaused);
    expect(terminal.maxUnacknowledged).toBeLessThan(FLOW_CONTROL.highWatermark + 256 * 1024);

    terminal.setAutoAck(true);
    await terminal.waitUntil(
      () => terminal.receivedBytes > whilePaused + 500_000,
      10_000,
      () => 'the flood to resume',
    );

    terminal.close();
    await waitForProcesses(container, (list) => list.length === 1);
  });

  it('says so when the container is not running', async () => {
    const stopped = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      name: `${name}-stopped`,
      HostConfig: { NetworkMode: 'none' },
    });
    try {
      const terminal = new TerminalDriver(
        { terminal: factory },
        { target: 'container', containerId: stopped.id, cols: 80, rows: 24 },
      );
      await terminal.waitForEnd();
      expect(terminal.error?.message).toMatch(/is created, not running/);
      expect(terminal.error?.fix).toMatch(/docker start/);
    } finally {
      await stopped.remove({ force: true });
    }
  });

  it('names the shells it tried when the image has none of them', async () => {
    const terminal = open({ shell: 'zsh' });
    await terminal.waitForEnd();
    expect(terminal.error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringMatching(/tried zsh/) });
  });

  it('says so when the container does not exist', async () => {
    const terminal = open({ containerId: `no-such-container-${randomUUID()}` });
    await terminal.waitForEnd();
    expect(terminal.error?.code).toBe('E_NOT_FOUND');
  });
});
