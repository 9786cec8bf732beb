/**
 * A tar writer for uploads whose entry names are bytes. tar-stream (and node-tar) take names as strings and write
 * them as UTF-8, which cannot carry a name that is not valid UTF-8; the format itself stores bytes, so this writes
 * the headers itself: GNU tar's format (what busybox and GNU tar both read), long names as GNU `L` records, sizes
 * of 8 GiB and more in GNU's base-256 form.
 */

export const BLOCK = 512;
const NAME_FIELD = 100;
const OCTAL_SIZE_LIMIT = 8 ** 11;
const LONG_NAME = Buffer.from('././@LongLink');

export interface TarEntry {
  /** Path inside the archive, as bytes ("/"-separated, relative). */
  name: Buffer;
  type: 'file' | 'directory';
  /** Bytes of a file's content (0 for a directory). */
  size: number;
  mode: number;
  mtime: Date;
}

/** The header block(s) of an entry: a GNU long-name record first when the name does not fit. */
export function entryHeader(entry: TarEntry): Buffer {
  const name = entry.type === 'directory' ? Buffer.concat([entry.name, Buffer.from('/')]) : entry.name;
  const header = block({
    name: Buffer.alloc(0),
    mode: entry.mode,
    size: entry.type === 'file' ? entry.size : 0,
    mtime: Math.floor(entry.mtime.getTime() / 1000),
    type: entry.type === 'file' ? '0' : '5',
  });
  return renamedHeader(header, name);
}

/**
 * `header` (any entry's header block) under another name: the name field replaced (the ustar prefix field cleared)
 * and the checksum redone, after a GNU long-name record when the name does not fit in 100 bytes.
 */
export function renamedHeader(header: Buffer, name: Buffer): Buffer {
  const renamed = Buffer.from(header);
  renamed.fill(0, 0, NAME_FIELD);
  name.copy(renamed, 0, 0, Math.min(name.length, NAME_FIELD));
  if (renamed.toString('latin1', 257, 263) === 'ustar\0') renamed.fill(0, 345, 500);
  writeChecksum(renamed);
  if (name.length <= NAME_FIELD) return renamed;
  const longName = Buffer.concat([name, Buffer.from([0])]);
  const record = block({ name: LONG_NAME, mode: 0, size: longName.length, mtime: 0, type: 'L' });
  return Buffer.concat([record, longName, padding(longName.length), renamed]);
}

/** A size or other numeric field: octal, or GNU base-256 when its first byte has the high bit set. */
export function readNumeric(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    let value = BigInt(field[0]! & 0x7f);
    for (const byte of field.subarray(1)) value = (value << 8n) | BigInt(byte);
    return Number(value);
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** Zero bytes that fill `size` bytes of content up to the next block. */
export function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The end of an archive: two zero blocks. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(2 * BLOCK);
}

interface HeaderFields {
  name: Buffer;
  mode: number;
  size: number;
  mtime: number;
  type: '0' | '5' | 'L';
}

function block(fields: HeaderFields): Buffer {
  const header = Buffer.alloc(BLOCK);
  fields.name.copy(header, 0);
  octal(fields.mode & 0o7777, 8).copy(header, 100);
  octal(0, 8).copy(header, 108);
  octal(0, 8).copy(header, 116);
  numeric(fields.size, 12).copy(header, 124);
  octal(fields.mtime, 12).copy(header, 136);
  header.write(fields.type, 156, 'latin1');
  header.write('ustar  \0', 257, 'latin1');
  header.write('root', 265, 'latin1');
  header.write('root', 297, 'latin1');
  writeChecksum(header);
  return header;
}

/** The checksum is summed with its own field as spaces. */
function writeChecksum(header: Buffer): void {
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header.subarray(0, BLOCK)) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
}

/** An octal field, NUL-terminated. */
function octal(value: number, width: number): Buffer {
  return Buffer.from(`${value.toString(8).padStart(width - 1, '0')}\0`, 'latin1');
}

/** Octal when it fits, else GNU base-256: the high bit of the first byte set, the value big-endian after it. */
function numeric(value: number, width: number): Buffer {
  if (value < OCTAL_SIZE_LIMIT) return octal(value, width);
  const field = Buffer.alloc(width);
  let rest = BigInt(value);
  for (let index = width - 1; index > 0; index -= 1) {
    field[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  field[0] = 0x80;
  return field;
}
