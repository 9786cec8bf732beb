import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { volumesCommand } from '../../../src/main/cli/commands/volumes';
import { captureCli } from '../../support/cli-context';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth volumes', () => {
  let volume: ScratchVolume;
  const env = { ...process.env, BERTH_HELPER_IMAGE: TEST_IMAGE };

  beforeAll(async () => {
    volume = await createScratchVolume(engine.docker);
    await volume.sh(
      'mkdir -p /v/ckpt && printf 12345 > /v/ckpt/model.pt && ln -s model.pt /v/ckpt/latest && touch -d "2024-01-02 03:04:05" /v/ckpt/model.pt',
    );
  });

  afterAll(async () => {
    await volume?.remove();
  });

  it('ls lists the volume, dangling, as a table and as JSON', async () => {
    const cli = captureCli(env);
    expect(await volumesCommand.run(['ls'], cli.context)).toBe(0);
    expect(cli.stdout()).toMatch(/^NAME\s+PROJECT\s+DRIVER\s+USED BY/);
    expect(cli.stdout()).toMatch(new RegExp(`${volume.name}\\s+-\\s+local\\s+\\(dangling\\)`));
    const json = captureCli(env);
    expect(await volumesCommand.run(['ls', '--json'], json.context)).toBe(0);
    expect(JSON.parse(json.stdout()).volumes).toContainEqual(
      expect.objectContaining({ name: volume.name, dangling: true }),
    );
  });

  it('ls-files lists a directory like ls -l, and as JSON', async () => {
    const cli = captureCli(env);
    expect(await volumesCommand.run(['ls-files', volume.name, 'ckpt'], cli.context)).toBe(0);
    expect(cli.stdout()).toContain('-rw-r--r--           5  2024-01-02 03:04:05  model.pt\n');
    expect(cli.stdout()).toMatch(/^lrwxrwxrwx .* latest -> model\.pt$/m);
    const json = captureCli(env);
    expect(await volumesCommand.run(['ls-files', volume.name, '--json'], json.context)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual([expect.objectContaining({ name: 'ckpt', type: 'directory' })]);
  });

  it('explains bad arguments, escapes and missing volumes', async () => {
    const usage = captureCli(env);
    expect(await volumesCommand.run(['ls-files'], usage.context)).toBe(2);
    expect(usage.stderr()).toContain('Usage: berth volumes');
    const escape = captureCli(env);
    expect(await volumesCommand.run(['ls-files', volume.name, '../..'], escape.context)).toBe(1);
    expect(escape.stderr()).toContain('not allowed');
    const missing = captureCli(env);
    expect(await volumesCommand.run(['ls-files', `${volume.name}-missing`], missing.context)).toBe(1);
    expect(missing.stderr()).toContain('There is no volume named');
    const badName = captureCli(env);
    expect(await volumesCommand.run(['ls-files', '../etc'], badName.context)).toBe(2);
  });
});
