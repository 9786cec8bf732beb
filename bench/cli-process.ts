/** Whole-process timing of CLI commands, the way a user runs them: start-up and module loading included. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const BERTH = resolve(__dirname, '../bin/berth.js');

export function requireBuild(): void {
  if (!existsSync(resolve(__dirname, '../out/main/cli.js')))
    throw new Error('out/main/cli.js is missing: run `npm run build`');
}

/** Wall time of one run of `command args` in `cwd`, in ms; a failing command fails the bench. */
export async function timeProcess(command: string, args: string[], cwd = process.cwd()): Promise<number> {
  const start = performance.now();
  await exec(command, args, { cwd, env: process.env, maxBuffer: 16 << 20 });
  return performance.now() - start;
}

export const timeBerth = (args: string[], cwd?: string) => timeProcess(process.execPath, [BERTH, ...args], cwd);
