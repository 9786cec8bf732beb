import { normalizeTimestamp } from './log-timestamp';

/** A complete line of one stream, timestamp split off, text decoded. */
export type AssembledLine = (time: string, text: string) => void;

/** Longest line kept whole; longer ones are cut so one runaway line can't take all the memory. */
const MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
/** `2024-01-02T03:04:05.123456789Z` is 30 bytes; other zones and precisions stay under this. */
const MAX_TIMESTAMP_BYTES = 40;

/**
 * Turns the bytes of one output stream, requested with `timestamps=1`, into lines. Lines are cut on the newline
 * byte and decoded whole, so a UTF-8 character split across frames or chunks is never broken.
 *
 * Non-TTY streams arrive as frames, one log message each (`<time> <text>`). A message without a trailing newline
 * is a partial (the engine cuts lines over 16 KiB): the next message with the same timestamp continues the line. TTY streams arrive as plain bytes; every line starts with its timestamp.
 */
export class LineAssembler {
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private partialTime = '';

  constructor(
    private readonly onLine: AssembledLine,
    /** False when the request asked for no timestamps: lines then start with their text. */
    private readonly timestamped = true,
  ) {}

  /** One non-TTY frame: exactly one log message. */
  pushMessage(message: Buffer): void {
    const { time, bodyStart } = this.splitTimestamp(message);
    // Parts of one cut line share the first part's timestamp. A new timestamp means the held part was a whole line:
    // the `local` driver of engine 20.10 drops the newline of a cut line's last part.
    if (this.partial.length > 0 && time !== this.partialTime) this.emitPartial(this.partialTime);
    this.pushBytes(message.subarray(bodyStart), time);
  }

  /** A chunk of a TTY stream: any bytes, timestamps at the start of each line. */
  pushRaw(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      const whole = this.partial.length > 0 ? Buffer.concat([...this.partial, piece]) : piece;
      this.resetPartial();
      const { time, bodyStart } = this.splitTimestamp(whole);
      this.onLine(time, decodeLine(whole.subarray(bodyStart)));
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.keepPartial(Buffer.from(chunk.subarray(start)));
    if (this.partialBytes > MAX_LINE_BYTES) this.flushRawPartial();
  }

  /** At the end of the stream: a last line without a newline is still a line. */
  end(): void {
    if (this.partial.length === 0) return;
    if (this.partialTime) this.emitPartial(this.partialTime);
    else this.flushRawPartial();
  }

  private pushBytes(body: Buffer, time: string): void {
    let start = 0;
    let newline = body.indexOf(NEWLINE, start);
    while (newline !== -1) {
      const piece = body.subarray(start, newline);
      if (this.partial.length > 0) {
        this.keepPartial(piece);
        this.emitPartial(time);
      } else {
        this.onLine(time, decodeLine(piece));
      }
      start = newline + 1;
      newline = body.indexOf(NEWLINE, start);
    }
    if (start < body.length) {
      this.partialTime = time;
      this.keepPartial(Buffer.from(body.subarray(start)));
      if (this.partialBytes > MAX_LINE_BYTES) this.emitPartial(time);
    }
  }

  private keepPartial(piece: Buffer): void {
    this.partial.push(piece);
    this.partialBytes += piece.length;
  }

  private emitPartial(time: string): void {
    const whole = Buffer.concat(this.partial);
    this.resetPartial();
    this.onLine(time, decodeLine(whole));
  }

  private flushRawPartial(): void {
    const whole = Buffer.concat(this.partial);
    this.resetPartial();
    const { time, bodyStart } = this.splitTimestamp(whole);
    this.onLine(time, decodeLine(whole.subarray(bodyStart)));
  }

  private splitTimestamp(bytes: Buffer): { time: string; bodyStart: number } {
    return this.timestamped ? splitTimestampOf(bytes) : { time: '', bodyStart: 0 };
  }

  private resetPartial(): void {
    this.partial = [];
    this.partialBytes = 0;
    this.partialTime = '';
  }
}

function splitTimestampOf(bytes: Buffer): { time: string; bodyStart: number } {
  const space = bytes.indexOf(SPACE);
  if (space > 0 && space <= MAX_TIMESTAMP_BYTES) {
    const time = normalizeTimestamp(bytes.toString('latin1', 0, space));
    if (time) return { time, bodyStart: space + 1 };
  }
  return { time: '', bodyStart: 0 };
}

/** CRLF endings lose their CR; other carriage returns stay for the viewer (progress bars). */
function decodeLine(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}
