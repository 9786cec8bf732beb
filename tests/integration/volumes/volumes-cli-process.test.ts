import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPER_LABEL } from '../../../src/main/services/volumes/helper-pool';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { importImageWithoutShell, startPrivateEngine, type PrivateEngine } from '../../support/volumes/private-engine';
import { runBerthOnTty } from '../../support/volumes/run-berth-on-tty';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';
import { nameVar } from '../../support/volumes/shell-names';

const engine = await requireEngine();
const skipPrivate = skipWithoutPrivateDockerd();

/** A listing is a few seconds' work; a command that hasn't exited well after that is hanging. */
const EXIT_BOUND_MS = 30_000;

/** Names that would drive a terminal if printed raw: colour, clear screen, window title, a C1 CSI, a bad byte. */
const HOSTILE = [
  Buffer.from('red\x1b[31mname'),
  Buffer.from('clear\x1b[2J'),
  Buffer.from('title\x1b]0;pwned\x07'),
  Buffer.concat([Buffer.from('c1'), Buffer.from([0xc2, 0x9b]), Buffer.from('31m')]),
  Buffer.from([0x62, 0x61, 0x64, 0xff]),
  Buffer.from('line\nbreak'),
];

describe.skipIf(!engine.available)('berth volumes as a process (main engine)', () => {
  let volume: ScratchVolume;
  const env = { ...process.env, BERTH_HELPER_IMAGE: TEST_IMAGE };

  beforeAll(async () => {
    volume = await createScratchVolume(engine.docker, 'berth-vol-cli');
    await volume.sh(HOSTILE.map((name) => `${nameVar('n', name)} && : > "/v/$n"`).join(' && '));
  });

  afterAll(async () => {
    await volume?.remove();
  });

  it('piped: prints each name as its exact bytes, and exits', async () => {
    const run = await runBerth(['volumes', 'ls-files', volume.name], { env, exitWithinMs: EXIT_BOUND_MS });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('red\x1b[31mname');
    expect(run.stdout).toContain('line\nbreak');
  });

  it('on a terminal: shows escape sequences and bad bytes escaped, never raw, and exits', async () => {
    const run = await runBerthOnTty(['volumes', 'ls-files', volume.name], env, EXIT_BOUND_MS);
    const text = run.output.toString('latin1');
    expect(run.code, text).toBe(0);
    for (const shown of [
      'red\\x1b[31mname',
      'clear\\x1b[2J',
      'title\\x1b]0;pwned\\x07',
      'c1\\x9b31m',
      'bad\\xff',
      'line\\nbreak',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text.includes('\x1b[') || text.includes('\x1b]') || text.includes('\xc2\x9b')).toBe(false);
    const json = await runBerthOnTty(['volumes', 'ls-files', volume.name, '--json'], env, EXIT_BOUND_MS);
    const jsonText = json.output.toString('latin1');
    expect(jsonText.includes('\x1b[') || jsonText.includes('\x1b]') || jsonText.includes('\xc2\x9b')).toBe(false);
  });

  it('errors go through the CLI’s error format, escaped, with exit code 1 (2 for bad usage)', async () => {
    const missing = await runBerth(['volumes', 'ls-files', volume.name, 'nope\x1b[2J'], {
      env,
      exitWithinMs: EXIT_BOUND_MS,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^berth volumes: "nope\\x1b\[2J" does not exist\.\nFix: /);
    const usage = await runBerth(['volumes', 'ls-files'], { env, exitWithinMs: EXIT_BOUND_MS });
    expect(usage.code).toBe(2);
  });
});

describe.skipIf(!engine.available || skipPrivate)(
  'berth volumes ls-files exits, whatever helper image the engine has',
  () => {
    let privateEngine: PrivateEngine;
    let env: NodeJS.ProcessEnv;
    const volume = 'berth-vol-cli-images';
    const lsFiles = (extraEnv: NodeJS.ProcessEnv = {}) =>
      runBerth(['volumes', 'ls-files', volume], { env: { ...env, ...extraEnv }, exitWithinMs: EXIT_BOUND_MS * 2 });
    const leftovers = async () =>
      (await privateEngine.docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } })).length;

    beforeAll(async () => {
      privateEngine = await startPrivateEngine('h7-cli', engine.docker, []);
      const { BERTH_HELPER_IMAGE: _ignored, DOCKER_CONTEXT: _context, ...rest } = process.env;
      env = { ...rest, DOCKER_HOST: privateEngine.dockerd.dockerHost };
      await importImageWithoutShell(privateEngine.docker, 'berth-no-shell:latest');
      await privateEngine.docker.createVolume({ Name: volume });
    }, 180_000);

    afterAll(async () => {
      await privateEngine?.dockerd.dispose();
    });

    it('no busybox, no image with a shell, no BERTH_HELPER_IMAGE: a clear error (the pull fails offline), exit 1', async () => {
      const run = await lsFiles();
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/needs a small image with a shell/);
      expect(run.stderr).toMatch(/\nFix: .*BERTH_HELPER_IMAGE/);
      expect(await leftovers()).toBe(0);
    });

    it('another local image with a shell and no BERTH_HELPER_IMAGE (the probe path): lists and exits', async () => {
      const image = await engine.docker.getImage(TEST_IMAGE).get();
      await new Promise<void>((resolve, reject) =>
        privateEngine.docker.loadImage(image, {}, (error, stream) =>
          error || !stream
            ? reject(error)
            : privateEngine.docker.modem.followProgress(stream, (failure: Error | null) =>
                failure ? reject(failure) : resolve(),
              ),
        ),
      );
      const run = await lsFiles();
      expect(run.code, run.stderr).toBe(0);
      expect(run.durationMs).toBeLessThan(EXIT_BOUND_MS);
      expect(await leftovers()).toBe(0);
    });

    it('with BERTH_HELPER_IMAGE: lists and exits; a missing one is a clear error', async () => {
      const run = await lsFiles({ BERTH_HELPER_IMAGE: TEST_IMAGE });
      expect(run.code, run.stderr).toBe(0);
      const missing = await lsFiles({ BERTH_HELPER_IMAGE: 'berth-no-such-helper:1' });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/berth-no-such-helper:1 is not on this engine: pulling it failed/);
      expect(await leftovers()).toBe(0);
    });
  },
);
