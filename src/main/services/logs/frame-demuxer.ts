/** Docker's stream ids in a multiplexed (non-TTY) attach or logs stream. */
export type DockerStreamId = 0 | 1 | 2;

const HEADER_BYTES = 8;

/**
 * Splits Docker's multiplexed stream into frames: an 8-byte header (stream id, three zero bytes, big-endian
 * payload length) then the payload. Headers and payloads may be cut anywhere across chunks; each frame is
 * handed on whole, and payloads that sit inside one chunk are passed as views, without copying.
 */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: DockerStreamId, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.pending.length > 0) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = Buffer.alloc(0);
    }
    let offset = 0;
    while (data.length - offset >= HEADER_BYTES) {
      const size = data.readUInt32BE(offset + 4);
      const end = offset + HEADER_BYTES + size;
      if (end > data.length) break;
      const stream = data[offset]!;
      this.onFrame(stream <= 2 ? (stream as DockerStreamId) : 1, data.subarray(offset + HEADER_BYTES, end));
      offset = end;
    }
    // Copy the remainder: it may be a view of a large chunk we'd otherwise keep alive.
    if (offset < data.length) this.pending = Buffer.from(data.subarray(offset));
  }

  /** Bytes of an incomplete frame held back, waiting for the rest. */
  get bufferedBytes(): number {
    return this.pending.length;
  }
}
