import { describe, expect, it } from 'vitest';
import { parseLogsArgs } from '../../../src/main/cli/commands/logs-args';

describe('berth logs arguments', () => {
  it('reads -f before a service as --follow, as docker compose logs does', () => {
    expect(parseLogsArgs(['-f', 'web'], '/nowhere')).toMatchObject({
      follow: true,
      services: ['web'],
      composeArgs: [],
    });
    expect(parseLogsArgs(['web', '-f'], '/nowhere')).toMatchObject({ follow: true, services: ['web'] });
  });

  it('keeps -f FILE for the loader when the word names a compose file', () => {
    expect(parseLogsArgs(['-f', 'stack.yml', '-f', 'api'], '/nowhere')).toMatchObject({
      follow: true,
      services: ['api'],
      composeArgs: ['-f', 'stack.yml'],
    });
  });

  it('reads the other options', () => {
    expect(
      parseLogsArgs(['--tail', '5', '-t', '--no-log-prefix', '--since=10m', '-p', 'ml', 'a', 'b'], '/nowhere'),
    ).toMatchObject({
      tail: 5,
      timestamps: true,
      prefix: false,
      since: '10m',
      services: ['a', 'b'],
      composeArgs: ['-p', 'ml'],
    });
    expect(() => parseLogsArgs(['--tail', 'many'], '/nowhere')).toThrow(/--tail/);
  });
});
