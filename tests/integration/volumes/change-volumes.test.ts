import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPER_LABEL } from '../../../src/main/services/volumes/helper-pool';
import { pruneVolumes } from '../../../src/main/services/volumes/prune-volumes';
import { removeVolume } from '../../../src/main/services/volumes/remove-volume';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

describe.skipIf(!engine.available)('changing what is in a volume, and deleting volumes', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const names = async (dir: string) =>
    (await browser.listDirectory(target(), dir, 0, 100)).entries.map((entry) => entry.name);

  beforeAll(async () => {
    volume = await createScratchVolume(docker);
    await volume.sh(
      'mkdir -p /v/keep/inner /v/work && printf k > /v/keep/inner/file && ln -s ../keep /v/work/to-keep && ln -s /etc /v/work/to-etc',
    );
  });

  afterAll(async () => {
    await browser.dispose();
    await volume?.remove();
  });

  it('creates a directory and refuses to create one that exists', async () => {
    expect(await browser.makeDirectory(target(), 'work', 'new dir ü')).toEqual({ path: 'work/new dir ü' });
    expect(await names('work')).toContain('new dir ü');
    await expect(browser.makeDirectory(target(), 'work', 'new dir ü')).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('already exists'),
    });
    await expect(browser.makeDirectory(target(), 'work/to-etc', 'x')).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });

  it('renames within the directory, and never over an existing entry', async () => {
    expect(await browser.rename(target(), 'work/new dir ü', 'renamed')).toEqual({ path: 'work/renamed' });
    expect(await names('work')).toEqual(['renamed', 'to-etc', 'to-keep']);
    await expect(browser.rename(target(), 'work/renamed', 'to-keep')).rejects.toMatchObject({
      message: expect.stringContaining('already exists'),
    });
    await expect(browser.rename(target(), '', 'x')).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
  });

  it('deletes only with the matching confirmation, and a symlink never takes its target with it', async () => {
    await expect(browser.deleteEntry(target(), 'work/renamed', 'renamed2')).rejects.toMatchObject({
      message: expect.stringContaining('Nothing was deleted'),
    });
    expect(await names('work')).toContain('renamed');
    await browser.deleteEntry(target(), 'work/renamed', 'renamed');
    await browser.deleteEntry(target(), 'work/to-keep', 'to-keep');
    expect(await names('work')).toEqual(['to-etc']);
    expect(await names('keep/inner')).toEqual(['file']);
    await expect(browser.deleteEntry(target(), '', '')).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    await expect(browser.deleteEntry(target(), 'work/to-etc/passwd', 'passwd')).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });

  it('deletes a volume only with its typed name and when no container uses it', async () => {
    const doomed = await createScratchVolume(docker, 'berth-vol-doomed');
    const doomedTarget = { kind: 'volume' as const, volume: doomed.name };
    try {
      await browser.listDirectory(doomedTarget, '', 0, 1);
      const user = await docker.createContainer({
        Image: TEST_IMAGE,
        Cmd: ['true'],
        HostConfig: { Binds: [`${doomed.name}:/d`] },
      });
      try {
        await expect(
          removeVolume(docker, browser.helpers, doomed.name, doomed.name.slice(0, -1)),
        ).rejects.toMatchObject({
          message: expect.stringContaining('does not match'),
        });
        await expect(removeVolume(docker, browser.helpers, doomed.name, doomed.name)).rejects.toMatchObject({
          message: expect.stringContaining('is used by'),
          details: { usedBy: [expect.objectContaining({ containerId: user.id })] },
        });
        expect((await docker.getVolume(doomed.name).inspect()).Name).toBe(doomed.name);
      } finally {
        await user.remove({ force: true });
      }
      // The helper that browsed it must not keep it busy.
      expect(await removeVolume(docker, browser.helpers, doomed.name, doomed.name)).toEqual({ removed: doomed.name });
      await expect(docker.getVolume(doomed.name).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await doomed.remove();
    }
  });

  it('prunes only the dangling volumes named and confirmed', async () => {
    const loose = await createScratchVolume(docker, 'berth-vol-prune');
    const held = await createScratchVolume(docker, 'berth-vol-prune');
    const user = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      HostConfig: { Binds: [`${held.name}:/d`] },
    });
    try {
      const names = [loose.name, held.name, `${loose.name}-gone`];
      await expect(pruneVolumes(docker, browser.helpers, names, 'delete 2 volumes')).rejects.toMatchObject({
        fix: expect.stringContaining('delete 3 volumes'),
      });
      const result = await pruneVolumes(docker, browser.helpers, names, 'delete 3 volumes');
      expect(result.removed).toEqual([loose.name]);
      expect(result.skipped).toEqual([
        { name: held.name, reason: expect.stringContaining('used by') },
        { name: `${loose.name}-gone`, reason: 'it no longer exists' },
      ]);
      expect((await docker.getVolume(held.name).inspect()).Name).toBe(held.name);
    } finally {
      await user.remove({ force: true });
      await loose.remove();
      await held.remove();
    }
  });

  it('browses a bind mount the same way', async () => {
    const hostDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bind-'));
    await writeFile(path.join(hostDir, 'train.py'), 'print(1)\n');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      HostConfig: { Binds: [`${hostDir}:/app:ro`] },
    });
    try {
      const bind = { kind: 'bind' as const, containerId: container.id, destination: '/app' };
      expect((await browser.listDirectory(bind, '', 0, 10)).entries).toEqual([
        expect.objectContaining({ name: 'train.py', size: 9 }),
      ]);
      expect(await browser.preview(bind, 'train.py', 100)).toMatchObject({ text: 'print(1)\n' });
      await expect(browser.listDirectory({ ...bind, destination: '/nope' }, '', 0, 10)).rejects.toMatchObject({
        code: 'E_NOT_FOUND',
      });
    } finally {
      await container.remove({ force: true });
      await browser.helpers.releaseAll();
      await rm(hostDir, { recursive: true, force: true });
    }
  });

  it('removes its helpers when released', async () => {
    await browser.listDirectory(target(), '', 0, 1);
    await browser.helpers.releaseAll();
    const left = await docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } });
    expect(left.filter((container) => container.Mounts.some((mount) => mount.Name === volume.name))).toEqual([]);
  });
});
