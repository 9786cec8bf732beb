/**
 * Exit codes as Compose's (issue 20.3), `berth` spawned as a user runs it next to the real `docker compose` on the
 * same project: every way loading can fail, then engine failures (a missing image, a pull that cannot reach the
 * registry, an unreachable engine) and Ctrl-C. Each spawned `berth` must exit within its bound.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/main/cli/exit-codes';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { composeCliAvailable, projectDir, scrubbedEnv } from './compose-oracle';

const run = promisify(execFile);
const available = await composeCliAvailable();
const engine = await requireEngine();
const EXIT_BOUND_MS = 15_000;
const PROJECT = `berth-fid-exit-${process.pid}`;
const BERTH_BIN = path.resolve(__dirname, '../../../bin/berth.js');

async function composeExitCode(dir: string, args: string[], env = scrubbedEnv()): Promise<number> {
  try {
    await run('docker', ['compose', ...args], { cwd: dir, env });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

async function berthExitCode(dir: string, args: string[], env = scrubbedEnv()): Promise<number | null> {
  return (await runBerth(args, { cwd: dir, env, exitWithinMs: EXIT_BOUND_MS })).code;
}

const SERVICE = 'services:\n  s:\n    image: busybox\n';

/** [case, files, extra arguments before `config`, Compose's code] */
const LOADER_FAILURES: [string, Record<string, string | Uint8Array>, string[], number][] = [
  ['no Compose file at all', { 'readme.txt': 'x' }, [], EXIT_CODES.composeFileNotFound],
  ['-f names a missing file', { 'compose.yaml': SERVICE }, ['-f', 'missing.yaml'], EXIT_CODES.composeFileNotFound],
  [
    'a service env_file is missing',
    { 'compose.yaml': `${SERVICE}    env_file: [missing.env]\n` },
    [],
    EXIT_CODES.composeFileNotFound,
  ],
  [
    'an included file is missing',
    { 'compose.yaml': `include: [missing.yaml]\n${SERVICE}` },
    [],
    EXIT_CODES.composeFileNotFound,
  ],
  [
    'an extends file is missing',
    { 'compose.yaml': `${SERVICE}    extends: {file: missing.yaml, service: x}\n` },
    [],
    EXIT_CODES.composeFileNotFound,
  ],
  ['YAML that does not parse', { 'compose.yaml': 'services:\n  s:\n   image: [\n' }, [], EXIT_CODES.composeInvalid],
  ['a schema violation', { 'compose.yaml': `${SERVICE}    colour: blue\n` }, [], EXIT_CODES.composeInvalid],
  [
    'a missing required variable',
    { 'compose.yaml': 'services:\n  s:\n    image: ${IMAGE:?set IMAGE}\n' },
    [],
    EXIT_CODES.composeInvalid,
  ],
  [
    'an undefined dependency',
    { 'compose.yaml': `${SERVICE}    depends_on: [nowhere]\n` },
    [],
    EXIT_CODES.composeInvalid,
  ],
  [
    'invalid UTF-8',
    { 'compose.yaml': Buffer.from([...Buffer.from('services:\n  s:\n    image: "'), 0xff, 0x22, 0x0a]) },
    [],
    EXIT_CODES.composeInvalid,
  ],
  ['an invalid -p name', { 'compose.yaml': SERVICE }, ['-p', 'Not Valid'], EXIT_CODES.failure],
];

describe.skipIf(!available)('berth exits with Compose’s codes when loading fails', () => {
  it.each(LOADER_FAILURES)('%s', async (_case, files, args, expected) => {
    const dir = projectDir(files);
    const [compose, berth] = await Promise.all([
      composeExitCode(dir, [...args, 'config', '-q']),
      berthExitCode(dir, [...args, 'config', '-q']),
    ]);
    expect({ compose, berth }).toEqual({ compose: expected, berth: expected });
  });

  it('a missing --env-file is a plain failure (1) in both', async () => {
    const dir = projectDir({ 'compose.yaml': SERVICE });
    expect(await composeExitCode(dir, ['--env-file', 'missing.env', 'config', '-q'])).toBe(EXIT_CODES.failure);
    // Node 24 reads `--env-file` anywhere on its command line, even after the script, unless `--` ends its options.
    const berth = await run(process.execPath, ['--', BERTH_BIN, '--env-file', 'missing.env', 'config', '-q'], {
      cwd: dir,
      env: scrubbedEnv(),
      timeout: EXIT_BOUND_MS,
    }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(berth).toBe(EXIT_CODES.failure);
  });

  it('an unknown service is a plain failure (1) in both', async () => {
    const dir = projectDir({ 'compose.yaml': SERVICE });
    expect(await composeExitCode(dir, ['config', 'nosuch'])).toBe(EXIT_CODES.failure);
    expect(await berthExitCode(dir, ['config', 'nosuch'])).toBe(EXIT_CODES.failure);
  });

  it('documents the codes in --help', async () => {
    const help = await runBerth(['--help'], { exitWithinMs: EXIT_BOUND_MS });
    expect(help.stdout).toContain('Exit codes');
    expect(help.stdout).toMatch(/14 +a Compose file/);
    expect((await runBerth(['config', '--help'], { exitWithinMs: EXIT_BOUND_MS })).stdout).toContain('130');
  });
});

describe.skipIf(!available || !engine.available)('berth exits with Compose’s codes when the engine fails', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs)
      await run('docker', ['compose', '-p', PROJECT, 'down', '-t', '0'], { cwd: dir }).catch(() => {});
  });

  it('a missing image with --pull never: 1', async () => {
    const dir = projectDir({ 'compose.yaml': 'services:\n  s:\n    image: berth-fid-no-such-image:1\n' });
    dirs.push(dir);
    const args = ['-p', PROJECT, 'up', '-d', '--pull', 'never'];
    expect(await composeExitCode(dir, args)).toBe(EXIT_CODES.failure);
    expect(
      await berthExitCode(
        dir,
        args.filter((arg) => arg !== '-d'),
      ),
    ).toBe(EXIT_CODES.failure);
  });

  it('a pull that fails: 18', async () => {
    // A registry on a closed loopback port fails at once, with no traffic leaving the machine.
    const dir = projectDir({ 'compose.yaml': 'services:\n  s:\n    image: 127.0.0.1:9/berth-fid/none:1\n' });
    dirs.push(dir);
    expect(await composeExitCode(dir, ['-p', PROJECT, 'pull'])).toBe(EXIT_CODES.pullFailed);
    expect(await berthExitCode(dir, ['-p', PROJECT, 'pull'])).toBe(EXIT_CODES.pullFailed);
  });

  it('an unreachable engine: 1', async () => {
    const dir = projectDir({ 'compose.yaml': SERVICE });
    const env = scrubbedEnv({ DOCKER_HOST: `unix://${path.join(dir, 'no-engine.sock')}` });
    expect(await composeExitCode(dir, ['-p', PROJECT, 'ps'], env)).toBe(EXIT_CODES.failure);
    expect(await berthExitCode(dir, ['-p', PROJECT, 'ps'], env)).toBe(EXIT_CODES.failure);
  });

  it('Ctrl-C while waiting: 130, as Compose', async () => {
    const dir = projectDir({
      'compose.yaml': [
        'services:',
        '  s:',
        `    image: ${TEST_IMAGE}`,
        '    command: ["sleep", "3600"]',
        '    healthcheck: {test: ["CMD", "false"], interval: 1s, retries: 1000}',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    const interrupted = async (command: string, args: string[]) => {
      const child = spawn(command, args, { cwd: dir, env: scrubbedEnv(), stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      child.kill('SIGINT');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), EXIT_BOUND_MS));
      const code = await Promise.race([exited, timeout]);
      if (code === 'timeout') child.kill('SIGKILL');
      return code;
    };
    expect(await interrupted('docker', ['compose', '-p', PROJECT, 'up', '-d', '--wait'])).toBe(EXIT_CODES.cancelled);
    expect(await interrupted(process.execPath, [BERTH_BIN, '-p', PROJECT, 'up', '--wait'])).toBe(EXIT_CODES.cancelled);
  });
});
