import { RingBuffer } from '@shared/ring-buffer';
import { DEFAULT_LOG_BUFFER_LINES, type LogLine, type LogSource } from '@shared/schemas/logs';
import { collapseCarriageReturns } from './carriage-return';
import { stripEscapes } from './sgr';
import { compileMatcher, type TextMatcher, type TextQuery } from './text-matcher';

/** A received line as the viewer keeps it: progress bars collapsed, a plain copy for search, filters and copy. */
export interface ViewLine {
  seq: number;
  time: string;
  source: number;
  stream: LogLine['stream'];
  /** Carriage returns collapsed, ANSI escapes kept for rendering. */
  text: string;
  plain: string;
}

export interface LogFilter {
  hiddenSources: ReadonlySet<number>;
  stdout: boolean;
  stderr: boolean;
  query: TextQuery;
}

export const NO_FILTER: LogFilter = {
  hiddenSources: new Set(),
  stdout: true,
  stderr: true,
  query: { text: '', regex: false },
};

/**
 * The lines of one log view, outside React state: a ring buffer of the newest `capacity` lines, the filtered list
 * the virtualized view shows (with each line's visual row count when wrapping), and the search matches. React reads
 * it through `version` and re-renders at most once per frame.
 */
export class LogModel {
  private ring: RingBuffer<ViewLine>;
  private nextSeq = 0;
  private droppedInMain = 0;
  private filter: LogFilter = NO_FILTER;
  private filterMatcher: TextMatcher | null = null;
  private searchMatcher: TextMatcher | null = null;
  /** Shown lines (oldest first) from `shownStart`; `rowEnds[i]` is the cumulative row count through shown[i]. */
  private shown: ViewLine[] = [];
  private rowEnds: number[] = [];
  private shownStart = 0;
  /** Rows before `shown[0]` (lines compacted away). */
  private arrayBaseRows = 0;
  private matchSeqs: number[] = [];
  private matchStart = 0;
  private wrapColumns: number | null = null;
  private listeners = new Set<() => void>();
  sources: LogSource[] = [];
  version = 0;
  filterError: string | null = null;
  searchError: string | null = null;

  constructor(readonly capacity: number = DEFAULT_LOG_BUFFER_LINES) {
    this.ring = new RingBuffer(capacity);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setSources(sources: LogSource[]): void {
    this.sources = sources;
    this.changed();
  }

  /** Main dropped lines because the view fell too far behind. */
  addDropped(count: number): void {
    this.droppedInMain += count;
    this.changed();
  }

  /** Lines that are gone: dropped in main or pushed out of this view's buffer. */
  get droppedCount(): number {
    return this.droppedInMain + this.ring.droppedCount;
  }

  get totalCount(): number {
    return this.ring.size;
  }

  /** Lines received since the view was created or cleared (it only grows): "N new lines" counts from it. */
  get receivedCount(): number {
    return this.nextSeq;
  }

  ingest(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const text = collapseCarriageReturns(line.text);
      const viewLine: ViewLine = {
        seq: this.nextSeq++,
        time: line.time,
        source: line.source,
        stream: line.stream,
        text,
        plain: stripEscapes(text),
      };
      this.ring.push(viewLine);
      if (this.passesFilter(viewLine)) this.show(viewLine);
    }
    this.forgetEvicted();
    this.changed();
  }

  clear(): void {
    this.droppedInMain = 0;
    this.ring = new RingBuffer(this.capacity);
    this.rebuild();
  }

  setFilter(filter: LogFilter): void {
    this.filter = filter;
    try {
      this.filterMatcher = compileMatcher(filter.query);
      this.filterError = null;
    } catch (error) {
      this.filterMatcher = null;
      this.filterError = (error as Error).message;
    }
    this.rebuild();
  }

  setSearch(query: TextQuery): void {
    try {
      this.searchMatcher = compileMatcher(query);
      this.searchError = null;
    } catch (error) {
      this.searchMatcher = null;
      this.searchError = (error as Error).message;
    }
    this.rebuild();
  }

  get search(): TextMatcher | null {
    return this.searchMatcher;
  }

  /** Columns available to the text when wrapping; null when lines don't wrap (one row each). */
  setWrapColumns(columns: number | null): void {
    if (columns === this.wrapColumns) return;
    this.wrapColumns = columns;
    this.rebuild();
  }

  // ---- the shown (filtered) lines, for the virtualized list ----

  get shownCount(): number {
    return this.shown.length - this.shownStart;
  }

  shownLine(index: number): ViewLine | undefined {
    return this.shown[this.shownStart + index];
  }

  get totalRows(): number {
    return this.shownCount === 0 ? 0 : this.rowEnds[this.rowEnds.length - 1]! - this.rowBase();
  }

  /** The first visual row of shown line `index`. */
  rowOf(index: number): number {
    const at = this.shownStart + index;
    return (at === this.shownStart ? this.rowBase() : this.rowEnds[at - 1]!) - this.rowBase();
  }

  rowsOf(index: number): number {
    const at = this.shownStart + index;
    return this.rowEnds[at]! - (at === this.shownStart ? this.rowBase() : this.rowEnds[at - 1]!);
  }

  /** The shown line that covers visual row `row`. */
  indexAtRow(row: number): number {
    const target = row + this.rowBase();
    let low = this.shownStart;
    let high = this.shown.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.rowEnds[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return Math.max(0, low - this.shownStart);
  }

  /** Shown index of the line with `seq`, or -1 when it isn't shown. */
  indexOfSeq(seq: number): number {
    let low = this.shownStart;
    let high = this.shown.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.shown[middle]!.seq;
      if (found === seq) return middle - this.shownStart;
      if (found < seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  // ---- search matches ----

  get matchCount(): number {
    return this.matchSeqs.length - this.matchStart;
  }

  /** The match after (or before) the line `fromSeq`, wrapping around; null without matches. */
  nextMatch(fromSeq: number | null, direction: 1 | -1): { seq: number; ordinal: number } | null {
    const count = this.matchCount;
    if (count === 0) return null;
    let ordinal: number;
    if (fromSeq === null) ordinal = direction === 1 ? 0 : count - 1;
    else {
      const after = this.firstMatchAtOrAfter(fromSeq + (direction === 1 ? 1 : 0));
      ordinal = direction === 1 ? after : after - 1;
      ordinal = (ordinal + count) % count;
    }
    return { seq: this.matchSeqs[this.matchStart + ordinal]!, ordinal };
  }

  /** All shown lines as plain text, for copy and download. */
  shownText(withTimestamps: boolean, prefix: (source: number) => string): string {
    const out: string[] = [];
    for (let i = this.shownStart; i < this.shown.length; i++) {
      const line = this.shown[i]!;
      out.push(`${prefix(line.source)}${withTimestamps ? `${line.time} ` : ''}${line.plain}`);
    }
    return out.length > 0 ? `${out.join('\n')}\n` : '';
  }

  private firstMatchAtOrAfter(seq: number): number {
    let low = this.matchStart;
    let high = this.matchSeqs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.matchSeqs[middle]! < seq) low = middle + 1;
      else high = middle;
    }
    return low - this.matchStart;
  }

  private rowBase(): number {
    return this.shownStart === 0 ? this.arrayBaseRows : this.rowEnds[this.shownStart - 1]!;
  }

  private passesFilter(line: ViewLine): boolean {
    const filter = this.filter;
    if (!(line.stream === 'stdout' ? filter.stdout : filter.stderr)) return false;
    if (filter.hiddenSources.has(line.source)) return false;
    return this.filterMatcher === null || this.filterMatcher.test(line.plain);
  }

  private show(line: ViewLine): void {
    const previous = this.rowEnds.length === 0 ? this.arrayBaseRows : this.rowEnds[this.rowEnds.length - 1]!;
    this.shown.push(line);
    this.rowEnds.push(previous + this.rowsFor(line));
    if (this.searchMatcher?.test(line.plain)) this.matchSeqs.push(line.seq);
  }

  private rowsFor(line: ViewLine): number {
    if (this.wrapColumns === null || line.plain.length <= this.wrapColumns) return 1;
    return Math.ceil(line.plain.length / this.wrapColumns);
  }

  /** Shown lines and matches older than the ring's oldest line are gone; compact now and then. */
  private forgetEvicted(): void {
    const oldest = this.ring.at(0)?.seq ?? this.nextSeq;
    while (this.shownStart < this.shown.length && this.shown[this.shownStart]!.seq < oldest) this.shownStart++;
    while (this.matchStart < this.matchSeqs.length && this.matchSeqs[this.matchStart]! < oldest) this.matchStart++;
    if (this.shownStart > 4_096 && this.shownStart * 2 > this.shown.length) {
      this.arrayBaseRows = this.rowEnds[this.shownStart - 1]!;
      this.shown = this.shown.slice(this.shownStart);
      this.rowEnds = this.rowEnds.slice(this.shownStart);
      this.shownStart = 0;
    }
    if (this.matchStart > 4_096 && this.matchStart * 2 > this.matchSeqs.length) {
      this.matchSeqs = this.matchSeqs.slice(this.matchStart);
      this.matchStart = 0;
    }
  }

  private rebuild(): void {
    this.shown = [];
    this.rowEnds = [];
    this.shownStart = 0;
    this.arrayBaseRows = 0;
    this.matchSeqs = [];
    this.matchStart = 0;
    for (let i = 0; i < this.ring.size; i++) {
      const line = this.ring.at(i)!;
      if (this.passesFilter(line)) this.show(line);
    }
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
