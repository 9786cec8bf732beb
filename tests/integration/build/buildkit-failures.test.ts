/**
 * When a build goes wrong on the real engine: a failing RUN says its command, output and Dockerfile line; a
 * cancelled build stops on the engine (its RUN process ends); a missing secret or ssh agent is a clear error.
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { requireEngine } from '../../support/require-engine';
import { build, buildProject, stack, processCommandLines, stepsByName, waitFor } from './support';

const engine = await requireEngine();

/** A sleep no other test runs, to find this build's RUN process among the machine's processes. */
const SLEEP_SECONDS = 4000 + (process.pid % 900);

describe.skipIf(!engine.available)('BuildKit build failures', () => {
  const docker = engine.docker;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  broken:
    build: ./broken
  slow:
    build: {context: ./slow, no_cache: true}
  needs-secret:
    build: ./needs-secret
  ssh:
    build: {context: ./ssh, ssh: ["default"], no_cache: true}
`),
      'broken/Dockerfile': `FROM berth-test-busybox
WORKDIR /src
RUN echo "compiling model" && \\
    echo "error: CUDA not found" >&2 && \\
    exit 3
`,
      'slow/Dockerfile': `FROM berth-test-busybox\nRUN sleep ${SLEEP_SECONDS}\n`,
      'needs-secret/Dockerfile': `FROM berth-test-busybox\nRUN --mount=type=secret,id=api_key,required=true cat /run/secrets/api_key\n`,
      'ssh/Dockerfile': `FROM berth-test-busybox\nRUN --mount=type=ssh test -S "$SSH_AUTH_SOCK" && echo "agent at $SSH_AUTH_SOCK"\n`,
    },
    ['broken', 'slow', 'needs-secret', 'ssh'],
  );
  const agentDir = mkdtempSync(join(tmpdir(), 'berth-it-agent-'));
  let agent: Server | null = null;

  afterAll(async () => {
    agent?.close();
    rmSync(agentDir, { recursive: true, force: true });
    await project.remove();
  });

  it('a failing RUN says its command, its last output and its Dockerfile line', async () => {
    const events: ComposeProgressEvent[] = [];
    const error = await build(docker, await project.load(), {
      services: ['broken'],
      onEvent: (e) => events.push(e),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).message).toMatch(
      /failed to build .*-broken for service "broken" at #\d+ \[3\/3\] RUN echo "compiling model".* \(Dockerfile line 3\): .*exit code: 3/,
    );
    const failed = [...stepsByName(events).values()].find((step) => step.state === 'error');
    expect(failed).toMatchObject({
      // stdout and stderr arrive as separate streams: their order between each other is not kept.
      lastOutput: expect.arrayContaining(['compiling model', 'error: CUDA not found']),
      source: { file: 'Dockerfile', line: 3, instruction: expect.stringContaining('exit 3') },
    });
  });

  it('cancel stops the build on the engine: the RUN process ends and the build rejects as cancelled', async () => {
    const abort = new AbortController();
    const running = build(docker, await project.load(), { services: ['slow'], signal: abort.signal });
    running.catch(() => {});
    const sleeping = `sleep ${SLEEP_SECONDS}`;
    await waitFor('the RUN step to start', async () => processCommandLines().includes(sleeping), 30_000);
    abort.abort(new BerthError('E_CANCELLED', 'cancelled by the test'));
    await expect(running).rejects.toMatchObject({ code: 'E_CANCELLED' });
    await waitFor('the RUN process to end', async () => !processCommandLines().includes(sleeping), 10_000);
    await expect(docker.getImage(`${project.name}-slow`).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a secret the service does not provide fails the step with the fix', async () => {
    const error = (await build(docker, await project.load(), { services: ['needs-secret'] }).catch(
      (e: unknown) => e,
    )) as BerthError;
    expect(error.message).toMatch(/secret api_key.*not found|api_key/i);
    expect(error.fix).toMatch(/build\.secrets/);
  });

  it('ssh: [default] without an agent is a clear error; with one the step sees the forwarded socket', async () => {
    const withoutAgent = (await build(docker, await project.loadWith({ SSH_AUTH_SOCK: '' }), {
      services: ['ssh'],
    }).catch((e: unknown) => e)) as BerthError;
    expect(withoutAgent.message).toMatch(/no ssh agent is running/);

    const socket = join(agentDir, 'agent.sock');
    agent = createServer((connection) => connection.end());
    await new Promise<void>((resolve) => agent!.listen(socket, resolve));
    const events = await build(docker, await project.loadWith({ SSH_AUTH_SOCK: socket }), { services: ['ssh'] });
    const output = events.flatMap((event) => (event.kind === 'build-output' ? event.lines : []));
    expect(output.some((line) => line.startsWith('agent at /'))).toBe(true);
  });
});
