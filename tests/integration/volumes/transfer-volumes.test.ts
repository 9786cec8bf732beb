import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransferSource } from '../../../src/main/services/volumes/transfer-source';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { TransferInputSchema, type TransferInput } from '@shared/schemas/volumes';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runTransfer } from '../../support/volumes/run-transfer';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe.skipIf(!engine.available)('downloading and uploading through the archive API', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  let localDir: string;
  let saveAs: string | null = null;
  const picker = { chooseSavePath: async () => saveAs };
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const transfer = (input: TransferInput) => createTransferSource(browser, picker, TransferInputSchema.parse(input));
  const remoteSha = async (file: string) => (await volume.sh(`sha256sum "/v/${file}"`)).split(' ')[0];

  beforeAll(async () => {
    volume = await createScratchVolume(docker);
    localDir = await mkdtemp(path.join(os.tmpdir(), 'berth-volume-transfer-'));
    await volume.sh(
      'mkdir -p /v/models/run1 /v/up && dd if=/dev/urandom of=/v/models/big.bin bs=1048576 count=100 2>/dev/null && printf "w" > /v/models/run1/weights.pt && printf "keep" > /v/up/existing.txt',
    );
  });

  afterAll(async () => {
    await browser.dispose();
    await volume?.remove();
    if (localDir) await rm(localDir, { recursive: true, force: true });
  });

  it('downloads a 100 MB file and uploads it back byte-identical (sha256), with progress', async () => {
    const original = await remoteSha('models/big.bin');
    saveAs = path.join(localDir, 'big.bin');
    const download = runTransfer(transfer({ direction: 'download', target: target(), path: 'models/big.bin' }));
    await download.ended;
    expect(download.messages.at(-1)).toEqual({ phase: 'done', bytes: 100 * 1024 * 1024, destination: saveAs });
    expect(download.messages.filter((message) => message.phase === 'transferring').length).toBeGreaterThan(10);
    expect(await sha256File(saveAs)).toBe(original);
    expect((await readdir(localDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const upload = runTransfer(
      transfer({
        direction: 'upload',
        target: target(),
        parent: 'up',
        files: [{ path: 'big-copy.bin', size: 100 * 1024 * 1024 }],
      }),
    );
    await upload.ready;
    await upload.send(createReadStream(saveAs, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>);
    await upload.ended;
    expect(await remoteSha('up/big-copy.bin')).toBe(original);
    expect(await volume.sh('ls -A /v')).not.toContain('.berth-upload-');
  });

  it('downloads a directory as a tar', async () => {
    saveAs = path.join(localDir, 'run1.tar');
    const download = runTransfer(transfer({ direction: 'download', target: target(), path: 'models/run1' }));
    await download.ended;
    expect((await readFile(saveAs)).includes(Buffer.from('run1/weights.pt'))).toBe(true);
    expect((await stat(saveAs)).size % 512).toBe(0);
  });

  it('a cancelled save dialog writes nothing', async () => {
    saveAs = null;
    const download = runTransfer(transfer({ direction: 'download', target: target(), path: 'models/run1/weights.pt' }));
    await download.ended;
    expect(download.messages.at(-1)).toEqual({ phase: 'cancelled' });
  });

  it('uploads a folder tree, then moves it into place', async () => {
    const run = runTransfer(
      transfer({
        direction: 'upload',
        target: target(),
        parent: 'up',
        files: [
          { path: 'dataset/train/a.txt', size: 3 },
          { path: 'dataset/ünï.txt', size: 2 },
        ],
      }),
    );
    await run.ready;
    run.source.receive?.(Buffer.from('aaa'));
    run.source.receive?.(Buffer.from('üx').subarray(0, 2));
    await run.ended;
    expect(await volume.sh('cat /v/up/dataset/train/a.txt')).toBe('aaa');
    expect((await browser.listDirectory(target(), 'up/dataset', 0, 10)).entries.map((entry) => entry.name)).toEqual([
      'train',
      'ünï.txt',
    ]);
  });

  it('a failed upload leaves nothing partial behind', async () => {
    const source = transfer({
      direction: 'upload',
      target: target(),
      parent: 'up',
      files: [
        { path: 'half/one.bin', size: 1024 * 1024 },
        { path: 'half/two.bin', size: 1024 * 1024 },
      ],
    });
    const run = runTransfer(source);
    await run.ready;
    source.receive?.(Buffer.alloc(1024 * 1024 + 4096, 7));
    await new Promise((resolve) => setTimeout(resolve, 300));
    source.dispose();
    await expect(run.ended).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(await volume.sh('ls -A /v/up; ls -A /v')).not.toMatch(/half|\.berth-upload-/);
  });

  it('refuses to overwrite without confirmation, and overwrites with it', async () => {
    const refused = runTransfer(
      transfer({ direction: 'upload', target: target(), parent: 'up', files: [{ path: 'existing.txt', size: 3 }] }),
    );
    await expect(refused.ended).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('already exists'),
    });
    expect(await volume.sh('cat /v/up/existing.txt')).toBe('keep');

    const source = transfer({
      direction: 'upload',
      target: target(),
      parent: 'up',
      files: [{ path: 'existing.txt', size: 3 }],
      overwrite: true,
    });
    const run = runTransfer(source);
    await run.ready;
    source.receive?.(Buffer.from('new'));
    await run.ended;
    expect(await volume.sh('cat /v/up/existing.txt')).toBe('new');
  });

  it('refuses uploads whose paths leave the volume', async () => {
    expect(() =>
      TransferInputSchema.parse({
        direction: 'upload',
        target: target(),
        parent: 'up',
        files: [{ path: '../x', size: 1 }],
      }),
    ).not.toThrow();
    const run = runTransfer(
      transfer({ direction: 'upload', target: target(), parent: 'up', files: [{ path: '../x', size: 1 }] }),
    );
    await expect(run.ended).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    const escape = runTransfer(transfer({ direction: 'download', target: target(), path: '../../etc/passwd' }));
    await expect(escape.ended).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
  });
});
