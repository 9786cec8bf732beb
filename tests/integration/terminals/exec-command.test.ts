import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createExecCommand, type ExecInput } from '../../../src/main/cli/commands/exec';
import { captureCli } from '../../support/cli-context';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth exec against the real engine', () => {
  const project = `berth-exec-it-${randomUUID().slice(0, 8)}`;
  let container: Docker.Container;
  let projectDir: string;

  const run = async (args: string[], stdin: ExecInput = emptyStdin(), cwd = process.cwd()) => {
    const cli = captureCli({ ...process.env, COMPOSE_PROJECT_NAME: '' }, cwd);
    const command = createExecCommand({ stdin, connect: () => engine.docker });
    const code = await command.run(args, cli.context);
    return { code, stdout: cli.stdout(), stderr: cli.stderr(), context: cli.context };
  };

  beforeAll(async () => {
    container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
      name: `${project}-app-1`,
      Labels: {
        'com.docker.compose.project': project,
        'com.docker.compose.service': 'app',
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    projectDir = await mkdtemp(path.join(os.tmpdir(), 'berth-exec-project-'));
    await writeFile(
      path.join(projectDir, 'compose.yaml'),
      `name: ${project}\nservices:\n  app:\n    image: ${TEST_IMAGE}\n`,
    );
  });

  afterAll(async () => {
    await container?.remove({ force: true });
    if (projectDir) await rm(projectDir, { recursive: true, force: true });
  });

  it('runs a command without a TTY: stdout and stderr apart, and its exit code', async () => {
    const result = await run(['-p', project, '-T', 'app', 'sh', '-c', 'echo out-$((6*7)); echo oops >&2; exit 4']);
    expect(result).toMatchObject({ code: 4, stdout: 'out-42\n', stderr: 'oops\n' });
  });

  it('passes piped input through and ends it, so the command finishes', async () => {
    const stdin = new PassThrough();
    stdin.end('piped line\n');
    const result = await run(['-p', project, 'app', 'cat'], stdin);
    expect(result).toMatchObject({ code: 0, stdout: 'piped line\n' });
  });

  it('uses a TTY when stdin is one: raw mode on and off, and the container TTY takes the window size', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: vi.fn() });
    const cli = captureCli({ ...process.env, TERM: 'xterm-256color' });
    const chunks: string[] = [];
    const stdout = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk.toString());
          callback();
        },
      }),
      { columns: 100, rows: 30 },
    );
    const command = createExecCommand({ stdin, connect: () => engine.docker });
    const code = await command.run(['-p', project, 'app', 'sh', '-c', 'sleep 1; stty size; echo $TERM; exit 3'], {
      ...cli.context,
      stdout,
    });
    expect(code).toBe(3);
    expect(chunks.join('')).toBe('30 100\r\nxterm-256color\r\n');
    expect(stdin.setRawMode.mock.calls).toEqual([[true], [false]]);
  });

  it('finds the project from the Compose file in the working directory, as docker compose does', async () => {
    const result = await run(['-T', 'app', 'sh', '-c', 'echo found'], emptyStdin(), projectDir);
    expect(result).toMatchObject({ code: 0, stdout: 'found\n' });
  });

  it('explains a missing service, and a container that is not running', async () => {
    const missing = await run(['-p', project, 'nope', 'sh']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Service nope of project .* has no container/);
    expect(missing.stderr).toMatch(/Fix: /);

    await container.stop({ t: 0 });
    try {
      const stopped = await run(['-p', project, 'app', 'sh']);
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toMatch(/is exited, not running/);
      expect(stopped.stderr).toMatch(/Fix: Start it/);
    } finally {
      await container.start();
    }
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['app'])).code).toBe(2);
    expect((await run(['--bogus', 'app', 'sh'])).code).toBe(2);
  });
});

function emptyStdin(): ExecInput {
  const stdin = new PassThrough();
  stdin.end();
  return stdin;
}
