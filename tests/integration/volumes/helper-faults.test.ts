import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferInputSchema, type TransferInput } from '@shared/schemas/volumes';
import { createTransferSource } from '../../../src/main/services/volumes/transfer-source';
import type { UploadOptions } from '../../../src/main/services/volumes/upload';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { helpersOf, removeHelpers, until } from '../../support/volumes/helper-containers';
import { runTransfer } from '../../support/volumes/run-transfer';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

const MiB = 1024 * 1024;

describe.skipIf(!engine.available)('volume helpers that go away, get stuck, or leave staging behind', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const transfer = (input: TransferInput, options: UploadOptions = {}) =>
    createTransferSource(browser, { chooseSavePath: async () => null }, TransferInputSchema.parse(input), options);
  const upload = (name: string, size: number, options: UploadOptions = {}) =>
    runTransfer(
      transfer({ direction: 'upload', target: target(), parent: '', files: [{ path: name, size }] }, options),
    );
  const rootNames = async () => (await browser.listAll(target(), '')).map((entry) => entry.name);

  beforeAll(async () => {
    volume = await createScratchVolume(docker, 'berth-vol-faults');
    // Look-alikes a user might have: never hidden, never removed.
    await volume.sh(
      'mkdir /v/.berth-upload-aaaaaaaaaaaa /v/.berth-upload-bbbbbbbbbbbb /v/.berth-upload-user && ' +
        'echo "my notes" > /v/.berth-upload-bbbbbbbbbbbb/.berth-upload-owner && ' +
        'touch -d "2020-01-01" /v/.berth-upload-bbbbbbbbbbbb/.berth-upload-owner',
    );
  });

  afterAll(async () => {
    await browser.dispose();
    await volume?.remove();
  });

  it('replaces a helper removed between uploads: the next upload finishes (it used to hang at 100 %)', async () => {
    const first = upload('first.bin', 64);
    await first.ready;
    await first.send([Buffer.alloc(64, 1)]);
    await first.ended;
    expect(await removeHelpers(docker, volume.name)).toBeGreaterThan(0);

    const second = upload('second.bin', 3 * MiB);
    await second.ready;
    await second.send([Buffer.alloc(3 * MiB, 2)]);
    await second.ended;
    expect(second.messages.at(-1)).toMatchObject({ phase: 'done', bytes: 3 * MiB });
    expect(await volume.sh('wc -c < /v/second.bin')).toBe(`${3 * MiB}\n`);
  });

  it('ends an upload whose helper is removed mid-way with a clear error, then hides and cleans up its staging', async () => {
    const run = upload('interrupted.bin', 8 * MiB);
    await run.ready;
    void run.send(
      (function* () {
        yield Buffer.alloc(2 * MiB, 3);
      })(),
    );
    await until(() => run.messages.some((message) => message.phase === 'transferring' && message.bytes > 0));
    const removedAt = Date.now();
    await removeHelpers(docker, volume.name);
    const error = await run.ended.catch((failure: unknown) => failure);
    expect(error, String(error)).toMatchObject({ code: 'E_ENGINE_ERROR', details: { helperGone: true } });
    expect(Date.now() - removedAt).toBeLessThan(15_000);

    // Left behind by the killed helper: in the volume, but not shown.
    const leftover = (await volume.sh('ls -A /v'))
      .split('\n')
      .filter((name) => /^\.berth-upload-[0-9a-f]{12}$/.test(name));
    expect(leftover.filter((name) => !/^\.berth-upload-(a+|b+)$/.test(name))).toHaveLength(1);
    const shown = await rootNames();
    expect(shown.filter((name) => name.startsWith('.berth-upload-')).sort()).toEqual([
      '.berth-upload-aaaaaaaaaaaa',
      '.berth-upload-bbbbbbbbbbbb',
      '.berth-upload-user',
    ]);

    // The next upload removes abandoned staging (its marker untouched for longer than the limit), and only that.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const next = upload('after.bin', 10, { staleStagingSeconds: 2 });
    await next.ready;
    await next.send([Buffer.alloc(10, 4)]);
    await next.ended;
    expect(
      (await volume.sh('ls -A /v'))
        .split('\n')
        .filter((name) => name.startsWith('.berth-upload-'))
        .sort(),
    ).toEqual(['.berth-upload-aaaaaaaaaaaa', '.berth-upload-bbbbbbbbbbbb', '.berth-upload-user']);
    expect(await volume.sh('cat /v/.berth-upload-bbbbbbbbbbbb/.berth-upload-owner')).toBe('my notes\n');
  });

  it('hides an upload in progress, and never removes it while it runs', async () => {
    // A 4 s limit: this upload touches its marker every second.
    const run = upload('slow.bin', 4 * MiB, { staleStagingSeconds: 4 });
    await run.ready;
    void run.send([Buffer.alloc(MiB, 5)]);
    await until(() => run.messages.some((message) => message.phase === 'transferring' && message.bytes > 0));
    expect(await rootNames()).not.toContain(expect.stringMatching(/^\.berth-upload-[0-9a-f]{12}$/));
    expect((await volume.sh('ls -A /v')).match(/\.berth-upload-[0-9a-f]{12}\n/g)?.length).toBeGreaterThanOrEqual(1);
    // Another upload 6 s later (same limit) must leave the running one alone: its marker is fresh.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const other = upload('other.bin', 5, { staleStagingSeconds: 4 });
    await other.ready;
    await other.send([Buffer.from('other')]);
    await other.ended;
    await run.send([Buffer.alloc(3 * MiB, 5)]);
    await run.ended;
    expect(await volume.sh('wc -c < /v/slow.bin')).toBe(`${4 * MiB}\n`);
  });

  it('fails an upload whose client stops sending, within its idle deadline, and the next one works', async () => {
    const run = upload('stalled.bin', 2 * MiB, { idleMs: 1_500 });
    await run.ready;
    void run.send([Buffer.alloc(MiB, 6)]);
    const started = Date.now();
    await expect(run.ended).rejects.toMatchObject({ code: 'E_ENGINE_ERROR', details: { timeout: true } });
    expect(Date.now() - started).toBeLessThan(10_000);
    const next = upload('fine.bin', 4);
    await next.ready;
    await next.send([Buffer.from('fine')]);
    await next.ended;
    expect(await volume.sh('cat /v/fine.bin')).toBe('fine');
  });

  it('bounds main’s memory when a client ignores the upload window (refused, not buffered)', async () => {
    const run = upload('flood.bin', 1024 * MiB);
    await run.ready;
    const before = process.memoryUsage().arrayBuffers;
    const chunk = Buffer.alloc(4 * MiB, 7);
    let sent = 0;
    // Sends 1 GiB as fast as it can, ignoring progress: what a hostile or broken client does.
    while (sent < 1024 * MiB) {
      run.source.receive?.(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      sent += chunk.length;
    }
    const grown = process.memoryUsage().arrayBuffers - before;
    await expect(run.ended).rejects.toMatchObject({ code: 'E_INVALID_INPUT', message: /flow-control window/ });
    expect(grown).toBeLessThan(64 * MiB);
    await until(() => true);
    expect(await rootNames()).not.toContain('flood.bin');
  });

  it('retires helpers: none is left running for the volume after release', async () => {
    await browser.helpers.releaseAll();
    expect(await helpersOf(docker, volume.name)).toEqual([]);
  });
});
