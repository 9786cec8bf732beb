import { describe, expect, it } from 'vitest';
import { applyEngineFlags, takeEngineFlags } from '../../../src/main/cli/engine-flags';

const syntax = {
  isCommandName: (arg: string) => ['ps', 'up', 'engines'].includes(arg),
  takesValue: (arg: string) => arg === '-p',
};

describe('takeEngineFlags', () => {
  it('takes -H/--host and -c/--context (also --flag=value) before the command, leaving the rest in order', () => {
    expect(takeEngineFlags(['-H', 'ssh://box', 'ps', '-a'], syntax)).toEqual({
      ok: true,
      args: ['ps', '-a'],
      flags: { host: 'ssh://box' },
    });
    expect(takeEngineFlags(['-p', 'proj', '--context=gpu', 'up', '-d'], syntax)).toEqual({
      ok: true,
      args: ['-p', 'proj', 'up', '-d'],
      flags: { context: 'gpu' },
    });
    expect(takeEngineFlags(['-c', 'gpu', 'ps'], syntax)).toMatchObject({ flags: { context: 'gpu' } });
  });

  it("leaves flags after the command name to the command, and a global flag's value that looks like a command", () => {
    expect(takeEngineFlags(['-p', 'up', 'ps', '-H', 'x'], syntax)).toEqual({
      ok: true,
      args: ['-p', 'up', 'ps', '-H', 'x'],
      flags: {},
    });
  });

  it('refuses both at once, or a flag without a value, as the docker CLI does', () => {
    expect(takeEngineFlags(['-H', 'a', '--context', 'b', 'ps'], syntax)).toEqual({
      ok: false,
      error: 'conflicting options: either specify --host or --context, not both',
    });
    expect(takeEngineFlags(['--host'], syntax)).toMatchObject({ ok: false });
  });
});

describe('applyEngineFlags', () => {
  it('makes --host beat DOCKER_HOST and DOCKER_CONTEXT, and --context beat both', () => {
    const env = { DOCKER_HOST: 'unix:///a.sock', DOCKER_CONTEXT: 'ctx', PATH: '/bin' };
    expect(applyEngineFlags(env, { host: 'tcp://h:2376' })).toEqual({ DOCKER_HOST: 'tcp://h:2376', PATH: '/bin' });
    expect(applyEngineFlags(env, { context: 'gpu' })).toEqual({ DOCKER_CONTEXT: 'gpu', PATH: '/bin' });
    expect(applyEngineFlags(env, {})).toBe(env);
  });
});
