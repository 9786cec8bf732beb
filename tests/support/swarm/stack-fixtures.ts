import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadProject } from '../../../src/main/services/compose/load';
import type { ComposeProject } from '../../../src/main/services/compose/model/project';

const run = promisify(execFile);

/** A project directory with these files (compose.yaml, secrets, configs), removed by `dispose`. */
export function projectDir(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'berth-h4-stack-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function loadDir(dir: string, env: Record<string, string> = {}): Promise<ComposeProject> {
  return loadProject({ workingDir: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
}

/** The real docker CLI against an engine (`docker stack …` with DOCKER_HOST), stdout and stderr. */
export async function dockerCli(
  dockerHost: string,
  args: string[],
  cwd?: string,
  extraEnv: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  const { DOCKER_CONTEXT: _context, ...env } = process.env;
  return run('docker', args, { cwd, env: { ...env, ...extraEnv, DOCKER_HOST: dockerHost }, timeout: 120_000 });
}
