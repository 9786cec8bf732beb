import { describe, expect, it } from 'vitest';
import { previewContent } from '../../../src/main/services/volumes/preview-content';

describe('previewing file content', () => {
  it('detects UTF-8 text and JSON', () => {
    expect(previewContent('a.json', Buffer.from('{"a": [1, "é"]}'), 16)).toMatchObject({
      kind: 'text',
      encoding: 'utf-8',
      format: 'json',
      truncated: false,
    });
    expect(previewContent('notes', Buffer.from('[not json'), 9)).toMatchObject({ format: 'plain' });
  });

  it('keeps a truncated read whose last character was cut in half', () => {
    const bytes = Buffer.from('héllo').subarray(0, 2);
    expect(previewContent('a.txt', bytes, 6)).toMatchObject({
      kind: 'text',
      encoding: 'utf-8',
      text: 'h',
      truncated: true,
    });
  });

  it('treats truncated JSON as plain text, and CSV/TSV by extension', () => {
    expect(previewContent('big.json', Buffer.from('{"a": 1'), 1000)).toMatchObject({
      format: 'plain',
      truncated: true,
    });
    expect(previewContent('t.CSV', Buffer.from('a,b\n'), 4)).toMatchObject({ format: 'csv' });
    expect(previewContent('t.tsv', Buffer.from('a\tb\n'), 4)).toMatchObject({ format: 'tsv' });
  });

  it('decodes UTF-16 with a BOM and falls back to Latin-1', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')]);
    expect(previewContent('u.txt', utf16, utf16.length)).toMatchObject({ encoding: 'utf-16le', text: 'hi' });
    expect(previewContent('l.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 4)).toMatchObject({
      encoding: 'latin1',
      text: 'café',
    });
  });

  it('recognizes images by their signature and refuses binary data', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    expect(previewContent('x.png', png, png.length)).toMatchObject({
      kind: 'image',
      mime: 'image/png',
      base64: png.toString('base64'),
    });
    expect(previewContent('x.png', png, 10_000_000)).toMatchObject({ kind: 'binary' });
    expect(previewContent('model.pt', Buffer.from([1, 0, 2, 3]), 4)).toMatchObject({
      kind: 'binary',
      reason: expect.stringContaining('NUL'),
    });
  });
});
