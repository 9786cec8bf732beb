import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferInputSchema, type TransferInput } from '@shared/schemas/volumes';
import { nameFromBytes } from '../../../src/main/services/volumes/entry-name';
import { createTransferSource } from '../../../src/main/services/volumes/transfer-source';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runTransfer } from '../../support/volumes/run-transfer';
import { createScratchVolume, type ScratchVolume } from '../../support/volumes/scratch-volume';
import { nameVar } from '../../support/volumes/shell-names';

const engine = await requireEngine();

/** Every kind of name Linux allows (any byte but "/" and NUL), each a file whose content says which it is. */
const HOSTILE_NAMES: Buffer[] = [
  Buffer.from('trail'),
  Buffer.from('trail\n'),
  Buffer.from('victim'),
  Buffer.from('victim\n'),
  Buffer.from('new\nline\n\n'),
  Buffer.from('-rf'),
  Buffer.from('--help'),
  Buffer.from('with  spaces '),
  Buffer.from(`"quoted' name`),
  Buffer.from('$(touch pwned)`touch pwned2`'),
  Buffer.from('back\\slash\\n'),
  Buffer.from('%s%n%%'),
  Buffer.from('*'),
  Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x0a]),
  Buffer.from([0xc3, 0x28, 0xe2, 0x82]),
  Buffer.from('x'.repeat(255)),
  Buffer.from('ü'.repeat(127)),
  Buffer.from('\x1b[31mred\x07'),
];

const contentOf = (index: number) => `content of name ${index}`;

describe.skipIf(!engine.available)('names are bytes: every name Linux allows, exactly', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let volume: ScratchVolume;
  let localDir: string;
  let saveAs: string | null = null;
  const target = () => ({ kind: 'volume' as const, volume: volume.name });
  const names = async (dir: string) => (await browser.listAll(target(), dir)).map((entry) => entry.name);
  const transfer = (input: TransferInput) =>
    createTransferSource(browser, { chooseSavePath: async () => saveAs }, TransferInputSchema.parse(input));
  /** What the volume holds at a path given as bytes, read by a plain container (not Berth). */
  const catInVolume = (...components: Array<Buffer | string>) =>
    volume.sh(
      `${components.map((component, index) => nameVar(`c${index}`, component)).join('; ')}; cat "/v/${components
        .map((_, index) => `$c${index}`)
        .join('/')}"`,
    );

  beforeAll(async () => {
    volume = await createScratchVolume(docker, 'berth-vol-bytes');
    localDir = await mkdtemp(path.join(os.tmpdir(), 'berth-byte-names-'));
    await volume.sh(
      [
        'mkdir /v/important && printf KEEP > /v/important/keep.txt',
        `${nameVar('d', 'important\n')} && mkdir "/v/$d" && printf DOOMED > "/v/$d/x"`,
        'mkdir /v/up',
        ...HOSTILE_NAMES.map((name, index) => `${nameVar('n', name)} && printf '${contentOf(index)}' > "/v/$n"`),
      ].join(' && '),
    );
  });

  afterAll(async () => {
    await browser.dispose();
    await volume?.remove();
    if (localDir) await rm(localDir, { recursive: true, force: true });
  });

  it('lists every name exactly, trailing newlines and invalid UTF-8 included', async () => {
    const listed = await names('');
    expect(new Set(listed)).toEqual(
      new Set(['important', 'important\n', 'up', ...HOSTILE_NAMES.map((name) => nameFromBytes(name))]),
    );
    expect(listed).toContain('bad\udcff\udcfe\n');
  });

  it('previews and downloads the file named, never its neighbour', async () => {
    for (const [index, name] of HOSTILE_NAMES.entries()) {
      const preview = await browser.preview(target(), nameFromBytes(name), 1000);
      expect(preview, name.toString('latin1')).toMatchObject({ kind: 'text', text: contentOf(index) });
    }
    saveAs = path.join(localDir, 'trail-newline');
    const download = runTransfer(transfer({ direction: 'download', target: target(), path: 'trail\n' }));
    await download.ended;
    expect(await readFile(saveAs, 'utf8')).toBe(contentOf(1));
  });

  it('deletes "important\\n" and only it', async () => {
    await browser.deleteEntry(target(), 'important\n', 'important\n');
    expect(await names('')).not.toContain('important\n');
    expect(await catInVolume('important', 'keep.txt')).toBe('KEEP');
    await expect(catInVolume('important\n', 'x')).rejects.toThrow();
  });

  it('renames "trail\\n" and only it', async () => {
    expect(await browser.rename(target(), 'trail\n', 'renamed\n')).toEqual({ path: 'renamed\n' });
    expect(await catInVolume('trail')).toBe(contentOf(0));
    expect(await catInVolume('renamed\n')).toBe(contentOf(1));
    await expect(browser.rename(target(), 'renamed\n', 'trail')).rejects.toMatchObject({
      message: expect.stringContaining('already exists'),
    });
  });

  it('overwrites "victim\\n" on upload and leaves "victim" alone', async () => {
    const refused = runTransfer(
      transfer({ direction: 'upload', target: target(), parent: '', files: [{ path: 'victim\n', size: 3 }] }),
    );
    await expect(refused.ended).rejects.toMatchObject({ details: { conflict: true } });
    const run = runTransfer(
      transfer({
        direction: 'upload',
        target: target(),
        parent: '',
        files: [{ path: 'victim\n', size: 3 }],
        overwrite: true,
      }),
    );
    await run.ready;
    await run.send([Buffer.from('NEW')]);
    await run.ended;
    expect(await catInVolume('victim')).toBe(contentOf(2));
    expect(await catInVolume('victim\n')).toBe('NEW');
  });

  it('uploads folders and files with any name, and lists them back exactly', async () => {
    const files = [
      { path: 'bad\udcff\n/inner\n', body: 'one' },
      { path: 'bad\udcff\n/-rf', body: 'two' },
      { path: `${'d'.repeat(255)}/${'f'.repeat(255)}`, body: 'three' },
      { path: '$(touch pwned)/`id`', body: 'four' },
    ];
    const run = runTransfer(
      transfer({
        direction: 'upload',
        target: target(),
        parent: 'up',
        files: files.map((file) => ({ path: file.path, size: file.body.length })),
      }),
    );
    await run.ready;
    await run.send(files.map((file) => Buffer.from(file.body)));
    await run.ended;
    expect(new Set(await names('up'))).toEqual(new Set(['bad\udcff\n', 'd'.repeat(255), '$(touch pwned)']));
    expect(new Set(await names('up/bad\udcff\n'))).toEqual(new Set(['inner\n', '-rf']));
    expect(await catInVolume('up', Buffer.from([0x62, 0x61, 0x64, 0xff, 0x0a]), 'inner\n')).toBe('one');
    expect(await catInVolume('up', 'd'.repeat(255), 'f'.repeat(255))).toBe('three');
    for (const file of files) {
      expect(await browser.preview(target(), `up/${file.path}`, 100)).toMatchObject({ text: file.body });
    }
  });

  it('creates directories with any name, and nothing in a name is ever run', async () => {
    for (const name of ['new dir\n', '\udcfe', '-p', '$(touch pwned)x']) {
      expect(await browser.makeDirectory(target(), 'up', name)).toEqual({ path: `up/${name}` });
    }
    expect(await names('up')).toEqual(expect.arrayContaining(['new dir\n', '\udcfe', '-p', '$(touch pwned)x']));
    expect(await volume.sh('find / -name "pwned*" 2>/dev/null | wc -l')).toBe('0\n');
  });

  it('refuses names no file can have', async () => {
    await expect(browser.makeDirectory(target(), 'up', 'x'.repeat(256))).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('255 bytes'),
    });
    await expect(browser.listDirectory(target(), 'up/\ud800', 0, 10)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });
});
