import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import {
  execFileRunner,
  singleFlight,
  ToolMissingError,
  type ToolRunner,
} from '../../../src/main/services/gpus/tool-runner';
import { locateTool } from '../../../src/main/services/gpus/locate-tool';

describe('execFileRunner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-tools-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it('returns stdout of a program run without a shell (arguments are not interpreted)', async () => {
    const echo = script('echo-args', 'printf "%s|" "$@"');
    expect((await execFileRunner.run(echo, ['a b', '$HOME', ';ls'], { timeoutMs: 5_000 })).stdout).toBe(
      'a b|$HOME|;ls|',
    );
  });

  it('says a program is missing with ToolMissingError', async () => {
    await expect(execFileRunner.run(join(dir, 'nvidia-smi'), [], { timeoutMs: 5_000 })).rejects.toBeInstanceOf(
      ToolMissingError,
    );
  });

  it('kills a program that does not answer in time', async () => {
    const hang = script('hang', 'exec sleep 30');
    const started = Date.now();
    await expect(execFileRunner.run(hang, [], { timeoutMs: 300 })).rejects.toThrow(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports what nvidia-smi printed when it fails', async () => {
    const failing = script(
      'no-driver',
      'echo "NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver."; exit 9',
    );
    const error = await execFileRunner.run(failing, [], { timeoutMs: 5_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).message).toMatch(/couldn't communicate with the NVIDIA driver/);
  });

  it('finds a program on PATH, then in the fallback locations (WSL2)', async () => {
    const tool = script('fake-smi', 'true');
    expect(await locateTool('fake-smi', { env: { PATH: `/nonexistent:${dir}` }, platform: 'linux' })).toBe(tool);
    expect(await locateTool('absent-smi', { env: { PATH: dir }, platform: 'linux', fallbacks: [tool] })).toBe(tool);
    expect(await locateTool('absent-smi', { env: { PATH: dir }, platform: 'linux' })).toBeNull();
  });
});

describe('singleFlight', () => {
  function slowRunner() {
    const log = { running: 0, maxRunning: 0, calls: 0 };
    const runner: ToolRunner = {
      async run(_command, args) {
        log.calls++;
        log.running++;
        log.maxRunning = Math.max(log.maxRunning, log.running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.running--;
        return { stdout: args.join(' '), stderr: '' };
      },
    };
    return { runner, log };
  }

  it('runs calls to one program one at a time', async () => {
    const { runner, log } = slowRunner();
    const wrapped = singleFlight(runner);
    const results = await Promise.all(
      ['-L', '-q', '--query-gpu'].map((arg) => wrapped.run('nvidia-smi', [arg], { timeoutMs: 1_000 })),
    );
    expect(results.map((result) => result.stdout)).toEqual(['-L', '-q', '--query-gpu']);
    expect(log.maxRunning).toBe(1);
  });

  it('shares one call between identical requests', async () => {
    const { runner, log } = slowRunner();
    const wrapped = singleFlight(runner);
    await Promise.all([1, 2, 3].map(() => wrapped.run('nvidia-smi', ['-L'], { timeoutMs: 1_000 })));
    expect(log.calls).toBe(1);
  });

  it('lets different programs run side by side and survives a failed call', async () => {
    let failNext = true;
    const inner: ToolRunner = {
      async run(command) {
        if (failNext) {
          failNext = false;
          throw new Error('boom');
        }
        return { stdout: command, stderr: '' };
      },
    };
    const wrapped = singleFlight(inner);
    const first = wrapped.run('nvidia-smi', ['a'], { timeoutMs: 1_000 });
    const second = wrapped.run('nvidia-smi', ['b'], { timeoutMs: 1_000 });
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toEqual({ stdout: 'nvidia-smi', stderr: '' });
    await expect(wrapped.run('rocm-smi', [], { timeoutMs: 1_000 })).resolves.toEqual({
      stdout: 'rocm-smi',
      stderr: '',
    });
  });
});
