import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run-cli';
import { COMMANDS } from '../../../src/main/cli/commands';
import { captureCli } from '../../support/cli-context';

const TEMPLATE_DIR = path.resolve(__dirname, '../../../resources/templates/gpu-jupyter');

describe('berth', () => {
  it('lists every command in its help', async () => {
    const cli = captureCli({});
    expect(await runCli(['--help'], cli.context)).toBe(0);
    for (const command of COMMANDS) expect(cli.stdout()).toContain(`  ${command.name}`);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const cli = captureCli({});
    expect(await runCli(['launch-rockets'], cli.context)).toBe(2);
    expect(cli.stderr()).toContain('unknown command');
  });

  it("prints a command's usage for --help before its first operand", async () => {
    const cli = captureCli({});
    expect(await runCli(['config', '--help'], cli.context)).toBe(0);
    expect(cli.stdout()).toMatch(/config/);
  });

  it('accepts global flags before the command and resolves files against the working directory', async () => {
    const cli = captureCli({}, TEMPLATE_DIR);
    expect(await runCli(['-f', 'compose.yaml', 'config', '--services'], cli.context)).toBe(0);
    expect(cli.stdout().trim()).toBe('jupyter');
  });
});
