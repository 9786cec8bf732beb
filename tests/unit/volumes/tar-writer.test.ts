import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as tar from 'tar-stream';
import { TarPrefixer } from '../../../src/main/services/volumes/tar-prefix';
import { endOfArchive, entryHeader, padding } from '../../../src/main/services/volumes/tar-writer';

const mtime = new Date(1_700_000_000_000);

/** Reads an archive back with tar-stream, names as raw bytes (latin1 keeps one char per byte). */
async function readBack(archive: Buffer): Promise<Array<{ name: Buffer; type: string; body: Buffer }>> {
  const extract = (tar.extract as unknown as (options: { filenameEncoding: string }) => tar.Extract)({
    filenameEncoding: 'latin1',
  });
  const entries: Array<{ name: Buffer; type: string; body: Buffer }> = [];
  extract.on('entry', (headers, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      entries.push({
        name: Buffer.from(headers.name, 'latin1'),
        type: headers.type ?? '',
        body: Buffer.concat(chunks),
      });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    Readable.from([archive]).pipe(extract);
  });
  return entries;
}

describe('the upload tar writer', () => {
  it('writes names as bytes (newlines, invalid UTF-8, 255-byte and long paths) that a tar reader gets back exactly', async () => {
    const names = [
      Buffer.from('trail\n'),
      Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe]),
      Buffer.from('x'.repeat(255)),
      Buffer.from(`${'d'.repeat(200)}/${'f'.repeat(200)}`),
    ];
    const parts: Buffer[] = [
      entryHeader({ name: Buffer.from('dir\n'), type: 'directory', size: 0, mode: 0o755, mtime }),
    ];
    for (const [index, name] of names.entries()) {
      const body = Buffer.from(`content ${index}`);
      parts.push(
        entryHeader({ name, type: 'file', size: body.length, mode: 0o644, mtime }),
        body,
        padding(body.length),
      );
    }
    parts.push(endOfArchive());
    const entries = await readBack(Buffer.concat(parts));
    expect(entries[0]).toMatchObject({ name: Buffer.from('dir\n/'), type: 'directory' });
    expect(entries.slice(1).map((entry) => entry.name)).toEqual(names);
    expect(entries.slice(1).map((entry) => entry.body.toString())).toEqual(names.map((_, index) => `content ${index}`));
  });

  it('writes sizes of 8 GiB and more in base-256', () => {
    const size = 10 * 1024 ** 3;
    const header = entryHeader({ name: Buffer.from('huge'), type: 'file', size, mode: 0o644, mtime });
    const field = header.subarray(124, 136);
    expect(field[0]).toBe(0x80);
    expect(field.readBigUInt64BE(4)).toBe(BigInt(size));
  });

  it('pads content to whole blocks', () => {
    expect(padding(0)).toHaveLength(0);
    expect(padding(1)).toHaveLength(511);
    expect(padding(512)).toHaveLength(0);
    expect(endOfArchive()).toHaveLength(1024);
  });
});

describe('putting a directory’s name in front of a tar made inside it', () => {
  it('turns "./", "./a" and long names into "NAME/…", content and all', async () => {
    const long = Buffer.from(`./${'l'.repeat(150)}/${'m'.repeat(90)}`);
    const archive = Buffer.concat([
      entryHeader({ name: Buffer.from('.'), type: 'directory', size: 0, mode: 0o755, mtime }),
      entryHeader({ name: Buffer.from('./a\n'), type: 'file', size: 3, mode: 0o644, mtime }),
      Buffer.from('abc'),
      padding(3),
      entryHeader({ name: long, type: 'file', size: 600, mode: 0o644, mtime }),
      Buffer.alloc(600, 7),
      padding(600),
      endOfArchive(),
    ]);
    const prefixer = new TarPrefixer(Buffer.from([0x72, 0x75, 0x6e, 0xff]));
    const chunks: Buffer[] = [];
    prefixer.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Fed in odd-sized pieces, as a stream from the engine arrives.
    for (let offset = 0; offset < archive.length; offset += 37) prefixer.write(archive.subarray(offset, offset + 37));
    await new Promise<void>((resolve) => prefixer.end(resolve));
    const entries = await readBack(Buffer.concat(chunks));
    expect(entries.map((entry) => entry.name.toString('latin1'))).toEqual([
      'run\xff/',
      'run\xff/a\n',
      `run\xff/${'l'.repeat(150)}/${'m'.repeat(90)}`,
    ]);
    expect(entries[1]!.body.toString()).toBe('abc');
    expect(entries[2]!.body).toEqual(Buffer.alloc(600, 7));
  });
});
