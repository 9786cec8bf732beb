import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { TransferInputSchema, type TransferInput } from '@shared/schemas/volumes';
import { createTransferSource } from '../../../src/main/services/volumes/transfer-source';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runTransfer } from '../../support/volumes/run-transfer';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

/**
 * Another container swaps names between real entries and symlinks out of the volume (to the helper's own /etc and
 * its writable /dev/shm), as fast as it can, while Berth reads and writes through them. Each answer must be the
 * volume's or an error; an upload reported done must be in the volume.
 */
const RACER = `cd /v
while [ ! -e /v/stop ]; do
  for n in dir file updir; do mv -T $n $n-real; mv -T $n-link $n; mv -T $n $n-link; mv -T $n-real $n; done
done`;

describe.skipIf(!engine.available)('symlink swaps during an operation', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  let racer: Docker.Container | null = null;
  let localDir: string;
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const transfer = (input: TransferInput, saveAs: string | null = null) =>
    createTransferSource(browser, { chooseSavePath: async () => saveAs }, TransferInputSchema.parse(input));

  beforeAll(async () => {
    volume = await createScratchVolume(docker, 'berth-vol-swaps');
    localDir = await mkdtemp(path.join(os.tmpdir(), 'berth-swaps-'));
    await volume.sh(
      [
        'mkdir /v/dir /v/updir',
        'printf volume-hosts > /v/dir/hosts',
        'printf volume-hostname > /v/dir/hostname',
        'printf volume-file > /v/file',
        'ln -s /etc /v/dir-link',
        'ln -s /etc/hosts /v/file-link',
        'ln -s /dev/shm /v/updir-link',
      ].join(' && '),
    );
    racer = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', RACER],
      Labels: { 'io.berth.test': 'volumes' },
      HostConfig: { Binds: [`${volume.name}:/v`], NetworkMode: 'none' },
    });
    await racer.start();
  });

  afterAll(async () => {
    await racer?.remove({ force: true }).catch(() => {});
    await browser.dispose();
    await volume?.remove();
    if (localDir) await rm(localDir, { recursive: true, force: true });
  });

  it('answers with the volume’s file or an error, and keeps every upload it reports done', async () => {
    const wrong: string[] = [];
    let answered = 0;
    let refused = 0;
    const attempt = async (what: string, action: () => Promise<string | null>) => {
      try {
        const problem = await action();
        answered += 1;
        if (problem) wrong.push(`${what}: ${problem}`);
      } catch (error) {
        refused += 1;
        const code = (error as { code?: string }).code ?? '';
        if (!/^E_(INVALID_INPUT|NOT_FOUND)$/.test(code)) wrong.push(`${what}: unexpected ${String(error)}`);
      }
    };
    const previews = async () => {
      for (let round = 0; round < 25; round += 1) {
        await attempt('preview dir/hosts', async () => {
          const preview = await browser.preview(target(), 'dir/hosts', 1000);
          return preview.kind === 'text' && preview.text === 'volume-hosts' ? null : JSON.stringify(preview);
        });
        await attempt('preview file', async () => {
          const preview = await browser.preview(target(), 'file', 1000);
          return preview.kind === 'text' && preview.text === 'volume-file' ? null : JSON.stringify(preview);
        });
      }
    };
    const listings = async () => {
      for (let round = 0; round < 20; round += 1) {
        await attempt('list dir', async () => {
          const names = (await browser.listDirectory(target(), 'dir', 0, 100)).entries.map((entry) => entry.name);
          return names.join(',') === 'hostname,hosts' ? null : names.join(',');
        });
      }
    };
    const downloads = async () => {
      for (let round = 0; round < 10; round += 1) {
        const [entry, expected] = round % 2 === 0 ? ['dir/hosts', 'volume-hosts'] : ['file', 'volume-file'];
        const saveAs = path.join(localDir, `download-${round}`);
        await attempt(`download ${entry}`, async () => {
          await runTransfer(transfer({ direction: 'download', target: target(), path: entry }, saveAs)).ended;
          const content = await readFile(saveAs, 'utf8');
          return content === expected ? null : content.slice(0, 200);
        });
        const tarAs = path.join(localDir, `dir-${round}.tar`);
        await attempt('download dir as a tar', async () => {
          await runTransfer(transfer({ direction: 'download', target: target(), path: 'dir' }, tarAs)).ended;
          const archive = await readFile(tarAs, 'latin1');
          return archive.includes('dir/hosts') && archive.includes('volume-hosts') && !archive.includes('localhost')
            ? null
            : 'not the volume’s directory';
        });
      }
    };
    const uploaded: string[] = [];
    const uploads = async () => {
      for (let round = 0; round < 12; round += 1) {
        const name = `upload-${round}.txt`;
        await attempt(`upload ${name}`, async () => {
          const run = runTransfer(
            transfer({ direction: 'upload', target: target(), parent: 'updir', files: [{ path: name, size: 9 }] }),
          );
          await run.ready;
          await run.send([Buffer.from(`payload-${round % 10}`)]);
          await run.ended;
          uploaded.push(name);
          return null;
        });
      }
    };
    await Promise.allSettled([previews(), listings(), downloads(), uploads()]);
    await volume.sh('touch /v/stop');
    await racer!.wait();

    expect(wrong).toEqual([]);
    // The race was on: some operations hit a swapped name and were refused, others went through.
    expect(refused).toBeGreaterThan(0);
    expect(answered).toBeGreaterThan(20);
    expect(uploaded.length).toBeGreaterThan(0);
    for (const name of uploaded) {
      const round = Number(/\d+/.exec(name)![0]);
      expect(await volume.sh(`cat /v/updir/${name}`), name).toBe(`payload-${round % 10}`);
    }
    expect(await volume.sh('ls -A /v')).not.toContain('.berth-upload-');
  });
});
