/**
 * `moby.filesync.v1.FileSync/DiffCopy`, the sending side of fsutil's packet protocol: every entry's STAT (then an
 * empty STAT to end the list), the content of each file the daemon asks for with REQ (DATA chunks, then an empty
 * DATA), and FIN for FIN. The daemon names the directory it wants (`dir-name`) and the patterns to apply.
 */
import { open } from 'node:fs/promises';
import { status, type Metadata, type ServerDuplexStream, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { walkContext, type FsStat, type WalkFilter } from './context-walk';

export interface SyncedDir {
  path: string;
  /** `.dockerignore` rules of the directory; the daemon's own patterns replace them when it says so. */
  excludes?: string[];
}

interface Packet {
  type: 'PACKET_STAT' | 'PACKET_REQ' | 'PACKET_DATA' | 'PACKET_FIN' | 'PACKET_ERR';
  stat?: FsStat | null;
  ID?: number;
  data?: Buffer;
}

const CHUNK_SIZE = 32 * 1024;
/** Files read and sent at once, as fsutil's sender does. */
const SEND_CONCURRENCY = 4;

export function fileSyncProvider(dirs: Map<string, SyncedDir>): UntypedServiceImplementation {
  return {
    DiffCopy(call: ServerDuplexStream<Packet, Packet>) {
      const name = metadataValues(call.metadata, 'dir-name')[0] ?? '';
      const dir = dirs.get(name);
      if (!dir) {
        call.emit('error', { code: status.NOT_FOUND, details: `no access allowed to dir "${name}"` });
        return;
      }
      new DiffCopySender(call, dir, requestFilter(call.metadata, dir)).run();
    },
  };
}

function requestFilter(metadata: Metadata, dir: SyncedDir): WalkFilter {
  const requested = metadataValues(metadata, 'exclude-patterns');
  const override = metadataValues(metadata, 'override-excludes')[0] === 'true';
  const excludes = dir.excludes?.length && !override ? dir.excludes : requested;
  return {
    excludes,
    includes: metadataValues(metadata, 'include-patterns'),
    followPaths: metadataValues(metadata, 'followpaths'),
  };
}

/**
 * A header's values: HTTP/2 joins repeated headers with ", "; BuildKit URL-encodes the values (and says so in
 * `<key>-encoded`) when they are not ASCII.
 */
function metadataValues(metadata: Metadata, key: string): string[] {
  const values = metadata
    .get(key)
    .flatMap((value) => String(value).split(', '))
    .filter((value) => value !== '');
  const encoded = metadata.get(`${key}-encoded`).map(String)[0];
  return encoded === '1' || encoded === 'true'
    ? values.map((value) => decodeURIComponent(value.replace(/\+/g, ' ')))
    : values;
}

class DiffCopySender {
  private readonly files = new Map<number, string>();
  private readonly queue: { id: number; path: string }[] = [];
  private sending = 0;
  private finished = false;
  /** Writes waiting for the stream to drain; released when the transfer stops, so none waits forever. */
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly call: ServerDuplexStream<Packet, Packet>,
    private readonly dir: SyncedDir,
    private readonly filter: WalkFilter,
  ) {}

  run(): void {
    this.call.on('data', (packet: Packet) => this.receive(packet));
    this.call.on('error', () => this.stop());
    this.call.on('cancelled', () => this.stop());
    this.sendStats().catch((error: unknown) => this.fail(error));
  }

  private async sendStats(): Promise<void> {
    let id = 0;
    for await (const entry of walkContext(this.dir.path, this.filter)) {
      if (this.finished) return;
      if (entry.hasData) this.files.set(id, entry.absolutePath);
      id++;
      await this.write({ type: 'PACKET_STAT', stat: entry.stat });
    }
    await this.write({ type: 'PACKET_STAT' });
  }

  private receive(packet: Packet): void {
    switch (packet.type) {
      case 'PACKET_REQ': {
        const id = packet.ID ?? 0;
        const path = this.files.get(id);
        if (path === undefined) return this.fail(new Error(`invalid file id ${id}`));
        this.files.delete(id);
        this.queue.push({ id, path });
        this.pump();
        return;
      }
      case 'PACKET_FIN':
        this.finished = true;
        this.call.write({ type: 'PACKET_FIN' });
        this.call.end();
        return;
      case 'PACKET_ERR':
        this.stop();
        this.call.end();
        return;
    }
  }

  private pump(): void {
    while (this.sending < SEND_CONCURRENCY && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.sending++;
      this.sendFile(next.id, next.path)
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          this.sending--;
          this.pump();
        });
    }
  }

  private async sendFile(id: number, path: string): Promise<void> {
    const handle = await open(path, 'r').catch(() => null);
    if (handle) {
      try {
        for (;;) {
          const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
          const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, null);
          if (bytesRead === 0 || this.finished) break;
          await this.write({ type: 'PACKET_DATA', ID: id, data: buffer.subarray(0, bytesRead) });
        }
      } finally {
        await handle.close();
      }
    }
    // An empty DATA ends the file (also one that vanished since its STAT: the daemon then sees it empty).
    await this.write({ type: 'PACKET_DATA', ID: id });
  }

  /** Writes one packet, waiting for the stream to drain when gRPC's buffer is full. */
  private write(packet: Packet): Promise<void> {
    if (this.finished && packet.type !== 'PACKET_FIN') return Promise.resolve();
    if (this.call.write(packet)) return Promise.resolve();
    return new Promise((resolve) => {
      const release = () => {
        this.waiting.delete(release);
        this.call.off('drain', release);
        resolve();
      };
      this.waiting.add(release);
      this.call.once('drain', release);
    });
  }

  private fail(error: unknown): void {
    if (this.finished) return;
    this.stop();
    const message = error instanceof Error ? error.message : String(error);
    this.call.write({ type: 'PACKET_ERR', data: Buffer.from(message) });
    this.call.end();
  }

  private stop(): void {
    this.finished = true;
    this.queue.length = 0;
    for (const release of [...this.waiting]) release();
  }
}
