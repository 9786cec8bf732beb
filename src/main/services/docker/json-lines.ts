import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream of newline-delimited JSON into parsed values. Chunks may end mid-line or even
 * mid-character; the remainder waits for the next chunk. Lines that aren't JSON are reported, not thrown.
 */
export class JsonLineParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly onValue: (value: unknown) => void,
    private readonly onInvalidLine: (line: string) => void = () => {},
  ) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      this.parseLine(line);
      newline = this.pending.indexOf('\n');
    }
  }

  /** Parses a final line that had no trailing newline. */
  end(): void {
    this.pending += this.decoder.end();
    const rest = this.pending;
    this.pending = '';
    this.parseLine(rest);
  }

  private parseLine(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      this.onInvalidLine(trimmed);
      return;
    }
    this.onValue(value);
  }
}
