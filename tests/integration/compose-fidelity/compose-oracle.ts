/**
 * The real `docker compose` CLI as the oracle for Berth's loader: write a project, run `docker compose config`
 * and `berth config` on it (Berth in-process, for speed; the exit-code tests spawn it), compare.
 * With BERTH_REQUIRE_DOCKER=1 a missing Compose CLI fails the run instead of skipping it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { configCommand } from '../../../src/main/cli/commands/config';

const run = promisify(execFile);

export interface ConfigRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A minimal, fixed environment for both tools, so nothing from the test runner's shell leaks in. */
export function scrubbedEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...extra };
}

export async function composeCliAvailable(): Promise<boolean> {
  try {
    await run('docker', ['compose', 'version'], { env: scrubbedEnv() });
    return true;
  } catch (error) {
    if (process.env.BERTH_REQUIRE_DOCKER === '1') {
      throw new Error(`BERTH_REQUIRE_DOCKER=1 but \`docker compose\` does not run: ${(error as Error).message}`);
    }
    console.warn('[compose-fidelity] skipped: the docker compose CLI is not installed');
    return false;
  }
}

/** `docker compose [args] config --format json` in `dir`. */
export async function composeConfig(dir: string, args: string[] = [], env = scrubbedEnv()): Promise<ConfigRun> {
  try {
    const { stdout, stderr } = await run('docker', ['compose', ...args, 'config', '--format', 'json'], {
      cwd: dir,
      env: { ...env, PWD: dir },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

/** `berth [args] config --format json` in `dir`, run in this process. */
export async function berthConfig(dir: string, args: string[] = [], env = scrubbedEnv()): Promise<ConfigRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await configCommand.run([...args, '--format', 'json'], {
    cwd: dir,
    env: { ...env, PWD: dir },
    stdout,
    stderr,
    isTty: false,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const directories: string[] = [];
afterAll(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh project directory holding `files` (path → content), removed after the test file. */
export function projectDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-fidelity-'));
  directories.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Compose's warnings (`time=… level=warning msg="…"`) and Berth's (`WARN …`), as plain messages. */
export function warningsOf(stderr: string): string[] {
  return stderr
    .split('\n')
    .flatMap((line) => {
      const compose = /level=warning msg="((?:[^"\\]|\\.)*)"/.exec(line);
      if (compose) return [JSON.parse(`"${compose[1]}"`) as string];
      return line.startsWith('WARN ') ? [line.slice(5)] : [];
    })
    .sort();
}

/** The error lines (warnings, and what Berth adds after the message — the file excerpt, the fix — left out). */
export function errorOf(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('WARN ') && !line.startsWith('time='))
    .filter((line) => !line.startsWith('Fix: ') && !/^\d+ \| /.test(line) && !/^ *\| *\^$/.test(line))
    .join('\n');
}

/** Every leaf where two JSON documents differ, as `path: berth … compose …` lines (empty when equal). */
export function jsonDifferences(berth: unknown, compose: unknown, path = ''): string[] {
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isMap(berth) && isMap(compose)) {
    const keys = [...new Set([...Object.keys(berth), ...Object.keys(compose)])].sort();
    return keys.flatMap((key) => jsonDifferences(berth[key], compose[key], `${path}.${key}`));
  }
  if (Array.isArray(berth) && Array.isArray(compose) && berth.length === compose.length) {
    return berth.flatMap((item, index) => jsonDifferences(item, compose[index], `${path}[${index}]`));
  }
  const same = JSON.stringify(berth) === JSON.stringify(compose);
  return same ? [] : [`${path}: berth ${JSON.stringify(berth)}, compose ${JSON.stringify(compose)}`];
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}
