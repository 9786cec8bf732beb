import { describe, expect, it } from 'vitest';
import { engineCommand } from '../../../src/main/cli/commands/engine';
import { captureCli } from '../../support/cli-context';
import { requireEngine } from '../../support/require-engine';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth engine against the machine engine', () => {
  it('exits 0 and prints the state as JSON', async () => {
    const cli = captureCli(process.env);
    expect(await engineCommand.run(['--json'], cli.context)).toBe(0);
    const state = JSON.parse(cli.stdout());
    const version = await engine.docker.version();
    expect(state).toMatchObject({
      status: 'connected',
      info: { serverVersion: version.Version, apiVersion: version.ApiVersion },
    });
  });

  it('prints a readable summary', async () => {
    const cli = captureCli(process.env);
    expect(await engineCommand.run([], cli.context)).toBe(0);
    expect(cli.stdout()).toMatch(/^Endpoint: +\S+/m);
    expect(cli.stdout()).toMatch(/^Server version: +\d+\.\d+/m);
    expect(cli.stdout()).toMatch(/^Runtimes: +.*runc/m);
  });

  it('exits 1 and prints the reason for a dead socket', async () => {
    const cli = captureCli({ ...process.env, DOCKER_HOST: 'unix:///tmp/nothing.sock' });
    expect(await engineCommand.run(['--json'], cli.context)).toBe(1);
    expect(JSON.parse(cli.stdout())).toMatchObject({
      status: 'unreachable',
      reason: 'connect ENOENT /tmp/nothing.sock',
    });
    expect(cli.stderr()).toContain('Reason: connect ENOENT /tmp/nothing.sock');
  });
});
