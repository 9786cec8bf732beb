import { describe, expect, it } from 'vitest';
import { LogModel, NO_FILTER } from '../../../src/renderer/src/features/logs/log-model';
import type { LogLine } from '@shared/schemas/logs';

const line = (n: number, extra: Partial<LogLine> = {}): LogLine => ({
  time: `2024-05-01T10:00:00.${String(n).padStart(9, '0')}Z`,
  source: 0,
  stream: 'stdout',
  text: `line ${n}`,
  ...extra,
});
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => line(from + i));
const shownTexts = (model: LogModel) => Array.from({ length: model.shownCount }, (_, i) => model.shownLine(i)!.plain);

describe('LogModel', () => {
  it('keeps its capacity and counts what it pushed out', () => {
    const model = new LogModel(1_000);
    for (let from = 1; from <= 250_000; from += 5_000) model.ingest(lines(from, from + 4_999));
    expect(model.totalCount).toBe(1_000);
    expect(model.shownCount).toBe(1_000);
    expect(model.droppedCount).toBe(249_000);
    expect(model.shownLine(0)!.plain).toBe('line 249001');
    model.addDropped(10);
    expect(model.droppedCount).toBe(249_010);
    model.clear();
    expect([model.totalCount, model.droppedCount]).toEqual([0, 0]);
  });

  it('filters by source, stream and text, and counts wrapped rows', () => {
    const model = new LogModel(100);
    model.ingest([line(1), line(2, { stream: 'stderr', text: 'boom' }), line(3, { source: 1, text: 'x'.repeat(25) })]);
    model.setFilter({ ...NO_FILTER, stdout: false });
    expect(shownTexts(model)).toEqual(['boom']);
    model.setFilter({ ...NO_FILTER, hiddenSources: new Set([0]) });
    expect(shownTexts(model)).toEqual(['x'.repeat(25)]);
    model.setFilter({ ...NO_FILTER, query: { text: '^line \\d$', regex: true } });
    expect(shownTexts(model)).toEqual(['line 1']);
    model.setFilter(NO_FILTER);
    model.setWrapColumns(10);
    expect(model.totalRows).toBe(5);
    expect([model.rowOf(2), model.rowsOf(2), model.indexAtRow(4)]).toEqual([2, 3, 2]);
  });

  it('finds search matches and steps through them, wrapping around', () => {
    const model = new LogModel(100);
    model.ingest(lines(1, 30));
    model.setSearch({ text: 'line 2', regex: false });
    expect(model.matchCount).toBe(11);
    const first = model.nextMatch(null, 1)!;
    expect(model.shownLine(model.indexOfSeq(first.seq))!.plain).toBe('line 2');
    const last = model.nextMatch(first.seq, -1)!;
    expect([last.ordinal, model.shownLine(model.indexOfSeq(last.seq))!.plain]).toEqual([10, 'line 29']);
    expect(model.nextMatch(last.seq, 1)!.seq).toBe(first.seq);
  });

  it('collapses progress bars and keeps a plain copy for search and download', () => {
    const model = new LogModel(10);
    model.ingest([line(1, { text: '\u001b[32m 50%\r100%\u001b[0m done' })]);
    expect(model.shownText(true, () => 'web | ')).toBe(`web | ${line(1).time} 100% done\n`);
  });
});
