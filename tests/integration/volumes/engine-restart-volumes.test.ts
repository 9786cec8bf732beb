import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferInputSchema, type TransferInput } from '@shared/schemas/volumes';
import { createTransferSource } from '../../../src/main/services/volumes/transfer-source';
import type { UploadOptions } from '../../../src/main/services/volumes/upload';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { until } from '../../support/volumes/helper-containers';
import { startPrivateEngine, type PrivateEngine } from '../../support/volumes/private-engine';
import { runTransfer } from '../../support/volumes/run-transfer';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();
const skipPrivate = skipWithoutPrivateDockerd();
const MiB = 1024 * 1024;

describe.skipIf(!engine.available || skipPrivate)('volume transfers across an engine restart (private engine)', () => {
  let privateEngine: PrivateEngine;
  let docker: Docker;
  let browser: VolumeBrowser;
  let volume: ScratchVolume;
  /** What the volume holds, read by a plain container on the private engine. */
  const inVolume = (script: string) => volume.sh(script);
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const upload = (name: string, size: number, options: UploadOptions = {}) =>
    runTransfer(
      createTransferSource(
        browser,
        { chooseSavePath: async () => null },
        TransferInputSchema.parse({
          direction: 'upload',
          target: target(),
          parent: '',
          files: [{ path: name, size }],
        } satisfies TransferInput),
        options,
      ),
    );
  beforeAll(async () => {
    privateEngine = await startPrivateEngine('h7-volumes', engine.docker, [TEST_IMAGE]);
    docker = privateEngine.docker;
    volume = await createScratchVolume(docker, 'berth-vol-restart');
    browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.dispose();
    await privateEngine?.dockerd.dispose();
  });

  it('finishes the next upload after the engine restarted under an idle helper', async () => {
    const first = upload('before.bin', 16);
    await first.ready;
    await first.send([Buffer.alloc(16, 1)]);
    await first.ended;
    await privateEngine.dockerd.restart();
    const second = upload('after.bin', 2 * MiB);
    await second.ready;
    await second.send([Buffer.alloc(2 * MiB, 2)]);
    await second.ended;
    expect(second.messages.at(-1)).toMatchObject({ phase: 'done', bytes: 2 * MiB });
    expect(await inVolume('wc -c < /v/after.bin')).toBe(`${2 * MiB}\n`);
  });

  it('ends an upload with a clear error when the engine stops under it; its staging is hidden, then cleaned', async () => {
    const run = upload('cut.bin', 64 * MiB, { staleStagingSeconds: 2 });
    await run.ready;
    void run.send(
      (function* () {
        for (let index = 0; index < 4; index += 1) yield Buffer.alloc(MiB, 3);
      })(),
    );
    await until(() => run.messages.some((message) => message.phase === 'transferring' && message.bytes > 0));
    const stoppedAt = Date.now();
    await privateEngine.dockerd.stop();
    const error = await run.ended.catch((failure: unknown) => failure);
    expect(error, String(error)).toMatchObject({ code: 'E_ENGINE_ERROR' });
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
    await privateEngine.dockerd.start();

    expect(await inVolume('ls -A /v')).toMatch(/\.berth-upload-[0-9a-f]{12}\n/);
    const shown = (await browser.listAll(target(), '')).map((entry) => entry.name);
    expect(shown.filter((name) => name.startsWith('.berth-upload-'))).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const next = upload('next.bin', 4, { staleStagingSeconds: 2 });
    await next.ready;
    await next.send([Buffer.from('next')]);
    await next.ended;
    expect(await inVolume('ls -A /v')).not.toContain('.berth-upload-');
    expect(await inVolume('cat /v/next.bin')).toBe('next');
  });
});
