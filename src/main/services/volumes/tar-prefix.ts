import { Transform, type TransformCallback } from 'node:stream';
import { BLOCK, readNumeric, renamedHeader } from './tar-writer';

/** A GNU long name longer than this is not a name (PATH_MAX is 4096): the archive is refused. */
const MAX_LONG_NAME = 64 * 1024;

/**
 * Rewrites a tar made inside a directory (`tar -cf - .`, entries "./", "./a", "./b/c") so its entries start with
 * the directory's name ("run1/", "run1/a", "run1/b/c"), as a download of the directory should. The helper archives
 * from inside the directory it holds open, so nothing re-resolves the directory's name while the tar is made (a
 * symlink swapped in meanwhile can't change what is archived); the name is put in front here instead. Understands
 * what busybox and GNU tar write: ustar/GNU headers and GNU long-name records; other records pass through.
 */
export class TarPrefixer extends Transform {
  private pending = Buffer.alloc(0);
  /** Bytes of entry content (and padding) still to pass through untouched. */
  private passThrough = 0;
  /** Content of a GNU long-name record being collected: its bytes so far and its padded length. */
  private longName: { chunks: Buffer[]; length: number; size: number } | null = null;
  private nextName: Buffer | null = null;
  private ended = false;

  constructor(private readonly prefix: Buffer) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.consume(chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length > 0) this.push(this.pending);
    done();
  }

  private consume(chunk: Buffer): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.ended) {
        this.push(data);
        return;
      }
      if (this.passThrough > 0) {
        const take = Math.min(this.passThrough, data.length);
        this.push(data.subarray(0, take));
        this.passThrough -= take;
        data = data.subarray(take);
        continue;
      }
      if (this.longName) {
        const take = Math.min(this.longName.size - this.longName.length, data.length);
        this.longName.chunks.push(Buffer.from(data.subarray(0, take)));
        this.longName.length += take;
        data = data.subarray(take);
        if (this.longName.length === this.longName.size) {
          const name = Buffer.concat(this.longName.chunks);
          const end = name.indexOf(0);
          this.nextName = end < 0 ? name : name.subarray(0, end);
          this.longName = null;
        }
        continue;
      }
      if (data.length < BLOCK) {
        this.pending = Buffer.from(data);
        return;
      }
      this.header(data.subarray(0, BLOCK));
      data = data.subarray(BLOCK);
    }
  }

  private header(block: Buffer): void {
    if (block.every((byte) => byte === 0)) {
      this.ended = true;
      this.push(Buffer.from(block));
      return;
    }
    const type = String.fromCharCode(block[156]!);
    const size = readNumeric(block.subarray(124, 136));
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      if (size > MAX_LONG_NAME) throw new Error('The archive holds a name longer than any path.');
      this.longName = { chunks: [], length: 0, size: padded };
      return;
    }
    const name = this.nextName ?? fieldName(block);
    this.nextName = null;
    this.push(renamedHeader(block, this.prefixed(name)));
    this.passThrough = padded;
  }

  /** "./" → "PREFIX/", "./a" → "PREFIX/a", "a" → "PREFIX/a". */
  private prefixed(name: Buffer): Buffer {
    let relative = name;
    if (relative.length >= 2 && relative[0] === 0x2e && relative[1] === 0x2f) relative = relative.subarray(2);
    else if (relative.length === 1 && relative[0] === 0x2e) relative = Buffer.alloc(0);
    return Buffer.concat([this.prefix, Buffer.from('/'), relative]);
  }
}

/** The name in a header: ustar's prefix and name fields, up to their NULs. */
function fieldName(block: Buffer): Buffer {
  const name = untilNul(block.subarray(0, 100));
  if (block.toString('latin1', 257, 263) !== 'ustar\0') return name;
  const prefix = untilNul(block.subarray(345, 500));
  return prefix.length > 0 ? Buffer.concat([prefix, Buffer.from('/'), name]) : name;
}

function untilNul(field: Buffer): Buffer {
  const end = field.indexOf(0);
  return end < 0 ? field : field.subarray(0, end);
}
