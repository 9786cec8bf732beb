import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { listVolumes, volumeSizes } from '../../../src/main/services/volumes/list-volumes';
import { HELPER_LABEL } from '../../../src/main/services/volumes/helper-pool';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';

const engine = await requireEngine();

describe.skipIf(!engine.available)('browsing volumes on the real engine', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  const target = () => ({ kind: 'volume' as const, volume: volume.name });

  beforeAll(async () => {
    volume = await createScratchVolume(docker);
    await volume.sh(
      [
        'mkdir -p /v/data/nested/deeper /v/checkpoints',
        'printf "hello" > /v/data/nested/deeper/leaf.txt',
        'printf "héllo wörld" > "/v/data/ünïcödé 名前.txt"',
        'printf "a,b\\n1,2\\n" > /v/data/table.csv',
        'printf "{\\"lr\\": 0.001}" > /v/data/config.json',
        'printf "x" > "/v/data/new\nline"',
        'ln -s nested /v/data/link-in',
        'ln -s ../../../etc /v/data/link-out',
        'ln -s /etc/passwd /v/data/link-abs',
        'chmod 640 /v/data/table.csv',
        'mkdir /v/big && cd /v/big && i=0; while [ $i -lt 10000 ]; do : > f$i; i=$((i+1)); done',
      ].join(' && '),
    );
  });

  afterAll(async () => {
    await browser.dispose();
    await volume?.remove();
  });

  it('lists the volume with its users, and sizes from disk usage', async () => {
    const user = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `${volume.name}-user`,
      Cmd: ['true'],
      Labels: { 'com.docker.compose.project': 'berthvoltest', 'com.docker.compose.service': 'trainer' },
      HostConfig: { Binds: [`${volume.name}:/data:ro`] },
    });
    try {
      const { volumes } = await listVolumes(docker);
      const summary = volumes.find((candidate) => candidate.name === volume.name)!;
      expect(summary).toMatchObject({ driver: 'local', dangling: false, labels: { 'io.berth.test': 'volumes' } });
      expect(summary.usedBy).toEqual([
        expect.objectContaining({
          containerId: user.id,
          project: 'berthvoltest',
          service: 'trainer',
          destination: '/data',
          readOnly: true,
        }),
      ]);
    } finally {
      await user.remove({ force: true });
    }
    const { volumes } = await listVolumes(docker);
    expect(volumes.find((candidate) => candidate.name === volume.name)?.dangling).toBe(true);
    const sizes = await volumeSizes(docker);
    expect(sizes.find((size) => size.name === volume.name)?.sizeBytes).toBeGreaterThan(0);
  });

  it('refuses to browse a volume that does not exist, and never creates it by mounting it', async () => {
    const missing = `berth-missing-${Date.now()}`;
    await expect(browser.listDirectory({ kind: 'volume', volume: missing }, '', 0, 10)).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(docker.getVolume(missing).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists entries with type, size, mtime, mode and symlink targets, unicode names included', async () => {
    const page = await browser.listDirectory(target(), 'data', 0, 100);
    const byName = Object.fromEntries(page.entries.map((entry) => [entry.name, entry]));
    expect(page.entries.map((entry) => entry.name).slice(0, 1)).toEqual(['nested']);
    expect(byName['nested']).toMatchObject({ type: 'directory', linkTarget: null });
    expect(byName['ünïcödé 名前.txt']).toMatchObject({ type: 'file', size: Buffer.byteLength('héllo wörld') });
    expect(byName['table.csv']).toMatchObject({ type: 'file', mode: 0o640 });
    expect(byName['new\nline']).toMatchObject({ type: 'file', size: 1 });
    expect(byName['link-in']).toMatchObject({ type: 'symlink', linkTarget: 'nested' });
    expect(byName['link-out']).toMatchObject({ type: 'symlink', linkTarget: '../../../etc' });
    expect(Math.abs(byName['config.json']!.mtimeMs - Date.now())).toBeLessThan(10 * 60_000);
    expect(page.total).toBe(8);
  });

  it('walks nested directories and follows symlinks that stay inside', async () => {
    expect((await browser.listDirectory(target(), 'data/nested/deeper', 0, 10)).entries).toEqual([
      expect.objectContaining({ name: 'leaf.txt', size: 5 }),
    ]);
    expect((await browser.listDirectory(target(), 'data/link-in', 0, 10)).entries.map((entry) => entry.name)).toEqual([
      'deeper',
    ]);
  });

  it('pages a 10,000-entry directory', async () => {
    const first = await browser.listDirectory(target(), 'big', 0, 500);
    expect(first.total).toBe(10_000);
    expect(first.entries).toHaveLength(500);
    expect(first.entries.slice(0, 3).map((entry) => entry.name)).toEqual(['f0', 'f1', 'f2']);
    const last = await browser.listDirectory(target(), 'big', 9_900, 500);
    expect(last.entries).toHaveLength(100);
    expect(last.entries.at(-1)!.name).toBe('f9999');
    const names = new Set<string>();
    for (let offset = 0; offset < first.total; offset += 1000) {
      for (const entry of (await browser.listDirectory(target(), 'big', offset, 1000)).entries) names.add(entry.name);
    }
    expect(names.size).toBe(10_000);
  });

  it.each([
    ['..', /goes up/],
    ['data/../../etc', /goes up/],
    ['/etc', /absolute/],
    ['data/link-out', /outside the volume/],
    ['data/link-abs', /outside the volume/],
  ])('refuses to leave the volume root: %s', async (path, message) => {
    await expect(browser.listDirectory(target(), path, 0, 10)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringMatching(message),
    });
    await expect(browser.preview(target(), path, 100)).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
  });

  it('says what is wrong with a missing path or a file listed as a directory', async () => {
    await expect(browser.listDirectory(target(), 'nope', 0, 10)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(browser.listDirectory(target(), 'data/config.json', 0, 10)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('not a directory'),
    });
  });

  it('previews text, JSON and CSV, and sizes a directory on demand', async () => {
    expect(await browser.preview(target(), 'data/config.json', 1000)).toMatchObject({
      kind: 'text',
      format: 'json',
      text: '{"lr": 0.001}',
    });
    expect(await browser.preview(target(), 'data/table.csv', 1000)).toMatchObject({
      format: 'csv',
      text: 'a,b\n1,2\n',
    });
    expect(await browser.preview(target(), 'data/ünïcödé 名前.txt', 2)).toMatchObject({
      text: 'h',
      truncated: true,
      encoding: 'utf-8',
    });
    expect((await browser.directorySize(target(), 'data')).sizeBytes).toBeGreaterThan(0);
  });

  it('reads through a read-only helper that is labelled, has no network, and is left out of volume users', async () => {
    await browser.listDirectory(target(), '', 0, 10);
    const helpers = await docker.listContainers({ filters: { label: [HELPER_LABEL] } });
    const helper = helpers.find((container) => container.Mounts.some((mount) => mount.Name === volume.name));
    expect(helper?.Mounts.find((mount) => mount.Name === volume.name)?.RW).toBe(false);
    expect(helper?.HostConfig.NetworkMode).toBe('none');
    const { volumes } = await listVolumes(docker);
    expect(volumes.find((candidate) => candidate.name === volume.name)?.usedBy).toEqual([]);
  });

  it('fails with a clear message when the helper image is missing and cannot be pulled', async () => {
    const offline = new VolumeBrowser({ docker: () => docker, helperImage: 'berth-no-such-image-4242:latest' });
    await expect(offline.listDirectory(target(), '', 0, 10)).rejects.toMatchObject({
      code: 'E_ENGINE_ERROR',
      message: expect.stringMatching(/needs a small image with a shell.*pulling it failed/s),
      fix: expect.stringContaining('BERTH_HELPER_IMAGE'),
    });
  });
});
