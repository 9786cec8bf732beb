import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configCommand } from '../../../src/main/cli/commands/config';
import { ComposeFlagError, parseComposeFlags } from '../../../src/main/cli/compose-flags';
import { writeProject } from './project-fixture';

describe('parseComposeFlags', () => {
  it('collects repeatable and single flags in any position and returns the rest in order', () => {
    expect(
      parseComposeFlags([
        '-f',
        'a.yml',
        '--services',
        '--file=b.yml',
        '-pdemo',
        '--env-file',
        'x.env',
        '--profile',
        'gpu',
        '--profile=debug',
        'web',
        '--project-directory',
        'dir',
      ]),
    ).toEqual({
      flags: {
        files: ['a.yml', 'b.yml'],
        projectName: 'demo',
        envFiles: ['x.env'],
        profiles: ['gpu', 'debug'],
        projectDirectory: 'dir',
      },
      rest: ['--services', 'web'],
    });
  });

  it('refuses a flag without its value', () => {
    expect(() => parseComposeFlags(['-f'])).toThrow(ComposeFlagError);
  });
});

async function runConfig(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const exitCode = await configCommand.run(args, {
    cwd,
    env,
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    isTty: false,
  });
  return { exitCode, stdout, stderr };
}

describe('berth config', () => {
  const files = {
    'compose.yaml':
      'services:\n  web: {image: "nginx:${TAG:-1}", command: echo $$HOME, labels: {note: "<tag>"}, profiles: [web]}\n  db: {image: pg}\n',
  };

  it('prints the project as docker compose config --format json does ($ re-escaped, Go HTML escapes)', async () => {
    const dir = writeProject(files, 'demo');
    const { exitCode, stdout } = await runConfig(['--profile', 'web', '--format', 'json'], dir);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('"command": [\n        "echo",\n        "$$HOME"\n      ]');
    expect(stdout).toContain('"note": "\\u003ctag\\u003e"');
    expect(JSON.parse(stdout)).toMatchObject({
      name: 'demo',
      services: { web: { image: 'nginx:1' }, db: { image: 'pg' } },
    });
  });

  it('lists services and profiles', async () => {
    const dir = writeProject(files);
    expect((await runConfig(['--services'], dir)).stdout).toBe('db\n');
    expect((await runConfig(['--services', '--profile', '*'], dir)).stdout).toBe('db\nweb\n');
    expect((await runConfig(['--profiles'], dir)).stdout).toBe('web\n');
  });

  it('exits with Compose’s code and message, the place in the file and the fix; 2 on bad usage', async () => {
    const dir = writeProject({ 'compose.yaml': 'services: {web: {image: "${IMG:?image please}"}}' });
    const failed = await runConfig([], dir);
    expect(failed.exitCode).toBe(15);
    // Compose's message, then the line of the file with a caret under the place, then what to do.
    expect(failed.stderr).toBe(
      [
        'error while interpolating services.web.image: required variable IMG is missing a value: image please',
        '1 | services: {web: {image: "${IMG:?image please}"}}',
        '  |                  ^',
        'Fix: Fix the Compose file (or the environment it reads) at the place named in the message.',
        '',
      ].join('\n'),
    );
    expect((await runConfig(['--format', 'yaml'], dir)).exitCode).toBe(2);
  });
});
