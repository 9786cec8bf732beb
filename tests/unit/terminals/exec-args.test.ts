import { describe, expect, it } from 'vitest';
import { ExecUsageError, parseExecArgs } from '../../../src/main/cli/commands/exec-args';

describe('parseExecArgs', () => {
  it('reads options only before the service, so the command keeps its own flags', () => {
    expect(
      parseExecArgs(['-T', '-u', 'nobody', '--workdir=/tmp', '-e', 'A=1', '-e', 'B=2', 'app', 'ls', '-f', '-T']),
    ).toEqual({
      noTty: true,
      user: 'nobody',
      workdir: '/tmp',
      env: ['A=1', 'B=2'],
      index: 1,
      service: 'app',
      command: ['ls', '-f', '-T'],
      composeFlags: {},
    });
  });

  it('takes the Compose global flags and --index', () => {
    const parsed = parseExecArgs([
      '-p',
      'demo',
      '-f',
      'a.yaml',
      '--file=b.yaml',
      '-pother',
      '--index',
      '2',
      'web',
      'sh',
    ]);
    expect(parsed.composeFlags).toEqual({ projectName: 'other', files: ['a.yaml', 'b.yaml'] });
    expect(parsed).toMatchObject({ index: 2, service: 'web', command: ['sh'] });
    expect(parseExecArgs(['-it', 'web', 'sh']).command).toEqual(['sh']);
  });

  it('says what is missing or wrong', () => {
    expect(() => parseExecArgs([])).toThrow(ExecUsageError);
    expect(() => parseExecArgs(['web'])).toThrow(/Give a command/);
    expect(() => parseExecArgs(['--nope', 'web', 'sh'])).toThrow(/unknown flag: --nope/);
    expect(() => parseExecArgs(['-u'])).toThrow(/needs an argument/);
    expect(() => parseExecArgs(['--index', '0', 'web', 'sh'])).toThrow(/positive/);
  });
});
