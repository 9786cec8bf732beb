import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/main/cli/commands';
import { runBerth } from '../../support/spawn-berth';

// Spawned as a user runs it: every command answers --help and exits 0 promptly, with no engine involved.
describe('berth as a process', () => {
  it('prints its version and exits 0', async () => {
    const run = await runBerth(['--version'], { exitWithinMs: 10_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^berth \d+\.\d+\.\d+\n$/);
  });

  it('lists every command in --help', async () => {
    const run = await runBerth(['--help'], { exitWithinMs: 10_000 });
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name} `);
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runBerth(['launch-rockets'], { exitWithinMs: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command');
  });

  it.each(COMMANDS.map((command) => command.name))('berth %s --help exits 0 with its usage', async (name) => {
    const run = await runBerth([name, '--help'], { exitWithinMs: 10_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: berth .*${name}`));
  });
});
