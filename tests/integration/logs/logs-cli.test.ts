import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogsCommand, DEFAULT_LOGS_DEPS } from '../../../src/main/cli/commands/logs';
import { captureCli } from '../../support/cli-context';
import { runBerth } from '../../support/spawn-berth';
import { requireEngine } from '../../support/require-engine';
import { removeProject, runServiceContainer, uniqueProject, waitForExit } from './log-collector';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth logs', () => {
  const project = uniqueProject('berth-cli-logs');

  afterAll(async () => {
    await removeProject(engine.docker, project);
  });

  it('as a process, a run that ended cleanly prints only its own lines (no run marker) and exits 0', async () => {
    const container = await runServiceContainer(engine.docker, { project, service: 'done', script: 'echo a; echo b' });
    await waitForExit(container);
    const run = await runBerth(['logs', '-p', project, '--no-log-prefix', 'done'], { exitWithinMs: 20_000 });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('a\nb\n');
  });

  it('prints all 200,000 lines of a service, in order', async () => {
    const container = await runServiceContainer(engine.docker, { project, service: 'many', script: 'seq 1 200000' });
    await waitForExit(container);
    const cli = captureCli(process.env);
    const code = await createLogsCommand().run(['-p', project, '--no-log-prefix', 'many'], cli.context);
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    const lines = cli.stdout().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(200_000);
    expect(lines.findIndex((line, index) => line !== String(index + 1))).toBe(-1);
  });

  it('pauses the engine for a slow reader and still prints every line', async () => {
    const container = await runServiceContainer(engine.docker, { project, service: 'slowpipe', script: 'seq 1 50000' });
    await waitForExit(container);
    const chunks: string[] = [];
    let writes = 0;
    // A reader that takes its time: every write completes a little later, so write() soon reports backpressure.
    const slow = new Writable({
      highWaterMark: 1_024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        setTimeout(callback, ++writes % 10 === 0 ? 5 : 0);
      },
    });
    const cli = captureCli(process.env);
    const code = await createLogsCommand().run(['-p', project, '--no-log-prefix', 'slowpipe'], {
      ...cli.context,
      stdout: slow,
    });
    expect(code).toBe(0);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines.length).toBe(50_000);
    expect(lines.findIndex((line, index) => line !== String(index + 1))).toBe(-1);
  });

  it('merges services with Compose-style prefixes, honours --tail and -t', async () => {
    const [a, b] = await Promise.all([
      runServiceContainer(engine.docker, { project, service: 'alpha', script: 'echo a1; sleep 0.4; echo a2' }),
      runServiceContainer(engine.docker, {
        project,
        service: 'beta',
        script: 'sleep 0.2; echo b1; sleep 0.4; echo b2',
      }),
    ]);
    await Promise.all([waitForExit(a), waitForExit(b)]);
    const cli = captureCli(process.env);
    expect(await createLogsCommand().run(['-p', project, '--tail', '1', '-t', 'alpha', 'beta'], cli.context)).toBe(0);
    const lines = cli.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^alpha-1-\w{4} {2}\| \d{4}-\d\d-\d\dT[\d:.]{18}Z a2$/);
    expect(lines[1]).toMatch(/^beta-1-\w{4} {3}\| \S+ b2$/);
  });

  it('follows with -f until interrupted', async () => {
    const script = 'echo first; sleep 1; echo second; sleep 60';
    await runServiceContainer(engine.docker, { project, service: 'live', script });
    const cli = captureCli(process.env);
    let interrupt = () => {};
    const command = createLogsCommand({ ...DEFAULT_LOGS_DEPS, onInterrupt: (stop) => ((interrupt = stop), () => {}) });
    const running = command.run(['-p', project, '-f', '--no-log-prefix', 'live'], cli.context);
    await expect.poll(() => cli.stdout(), { timeout: 20_000 }).toBe('first\nsecond\n');
    interrupt();
    expect(await running).toBe(0);
  });

  it('explains an unknown option', async () => {
    const cli = captureCli(process.env);
    expect(await createLogsCommand().run(['--bogus'], cli.context)).toBe(2);
    expect(cli.stderr()).toContain('unknown flag: --bogus');
  });
});
