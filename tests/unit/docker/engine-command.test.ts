import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCommand } from '../../../src/main/cli/commands/engine';
import { EngineStateSchema } from '@shared/schemas/engine';
import { captureCli } from '../../support/cli-context';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine';

let engine: FakeEngine;
let home: string;

beforeAll(async () => {
  engine = await startFakeEngine();
  home = mkdtempSync(join(tmpdir(), 'berth-cli-'));
});

afterAll(async () => {
  await engine.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('berth engine', () => {
  it('prints the endpoint, name, versions, OS and runtimes', async () => {
    const cli = captureCli({ DOCKER_HOST: engine.dockerHost, HOME: home });
    expect(await engineCommand.run([], cli.context)).toBe(0);
    expect(cli.stdout()).toBe(
      [
        `Endpoint:        ${engine.dockerHost} (DOCKER_HOST)`,
        'Engine:          fake-engine (docker)',
        'Server version:  99.0.0',
        'API version:     1.41',
        'OS:              Fake OS (linux/x86_64, kernel 6.0.0)',
        'Runtimes:        runc (default: runc)',
        '',
      ].join('\n'),
    );
    expect(cli.stderr()).toBe('');
  });

  it('prints the state as JSON with --json', async () => {
    const cli = captureCli({ DOCKER_HOST: engine.dockerHost, HOME: home });
    expect(await engineCommand.run(['--json'], cli.context)).toBe(0);
    const state = EngineStateSchema.parse(JSON.parse(cli.stdout()));
    expect(state).toMatchObject({ status: 'connected', info: { serverVersion: '99.0.0' } });
  });

  it('exits 1 with the reason and the fix on stderr when the engine is unreachable', async () => {
    const socket = join(home, 'nothing.sock');
    const cli = captureCli({ DOCKER_HOST: `unix://${socket}`, HOME: home });
    expect(await engineCommand.run([], cli.context)).toBe(1);
    expect(cli.stdout()).toBe('');
    expect(cli.stderr()).toContain(`Reason: connect ENOENT ${socket}`);
    expect(cli.stderr()).toMatch(/Fix: .+/);
  });

  it('also prints the unreachable state as JSON with --json', async () => {
    const cli = captureCli({ DOCKER_HOST: `unix://${join(home, 'nothing.sock')}`, HOME: home });
    expect(await engineCommand.run(['--json'], cli.context)).toBe(1);
    expect(JSON.parse(cli.stdout())).toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('ENOENT'),
    });
    expect(cli.stderr()).toContain('Reason:');
  });

  it('reports a broken context, naming the file', async () => {
    const cli = captureCli({ DOCKER_CONTEXT: 'gone', HOME: home });
    expect(await engineCommand.run([], cli.context)).toBe(1);
    expect(cli.stderr()).toContain(join(home, '.docker', 'contexts', 'meta'));
  });

  it('rejects unknown options with the usage', async () => {
    const cli = captureCli({ HOME: home });
    expect(await engineCommand.run(['--yaml'], cli.context)).toBe(2);
    expect(cli.stderr()).toContain('Usage: berth engine');
  });
});
