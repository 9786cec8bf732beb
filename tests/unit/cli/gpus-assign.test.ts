import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gpusCommand } from '../../../src/main/cli/commands/gpus';
import { GpuAssignmentsStore } from '../../../src/main/services/compose/berth-overrides/gpu-assignments-store';
import { captureCli } from '../../support/cli-context';

let stateHome: string;
beforeEach(() => {
  stateHome = mkdtempSync(join(tmpdir(), 'berth-cli-state-'));
});
afterEach(() => rmSync(stateHome, { recursive: true, force: true }));

async function run(...args: string[]) {
  const cli = captureCli({ HOME: stateHome, XDG_STATE_HOME: stateHome });
  const code = await gpusCommand.run(['assign', ...args], cli.context);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

const pins = () => new GpuAssignmentsStore(join(stateHome, 'berth')).list();

describe('berth gpus assign', () => {
  it('pins GPUs where the app keeps them, and --clear removes the pin', async () => {
    expect(await run('llm', 'vllm', '0,1')).toMatchObject({
      code: 0,
      stdout: 'Pinned GPU 0,1 to llm/vllm; it takes effect on the next up.\n',
    });
    expect(await pins()).toEqual([{ project: 'llm', service: 'vllm', deviceIds: ['0', '1'] }]);

    expect((await run('llm', 'vllm', '--clear')).code).toBe(0);
    expect(await pins()).toEqual([]);
  });

  it('refuses missing arguments and ids that are not GPU indexes or UUIDs', async () => {
    const missing = await run('llm', 'vllm');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs PROJECT, SERVICE and IDS (or --clear)');
    expect((await run('llm', 'vllm', '0,,1')).code).toBe(2);
    const bad = await run('llm', 'vllm', '0;rm -rf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('deviceIds.0');
    expect((await run('Not A Project', 'vllm', '0')).code).toBe(2);
    expect(await pins()).toEqual([]);
  });
});
