import { describe, expect, it } from 'vitest';
import type { LogLine } from '@shared/schemas/logs';
import { HistoryMerge } from '../../../src/main/services/logs/history-merge';

const line = (source: number, n: number): LogLine => ({
  time: `2024-05-01T10:00:00.${String(n).padStart(9, '0')}Z`,
  source,
  stream: 'stdout',
  text: `${source}:${n}`,
});

describe('HistoryMerge', () => {
  it('merges sources by time even when one source arrives entirely first', () => {
    const out: string[] = [];
    const merge = new HistoryMerge([0, 1], { emit: (l) => out.push(l.text), pauseSource() {}, resumeSource() {} });
    for (const n of [1, 3, 5]) merge.push(line(0, n));
    expect(out).toEqual([]);
    merge.end(0);
    for (const n of [2, 4, 6]) merge.push(line(1, n));
    merge.end(1);
    expect(out).toEqual(['0:1', '1:2', '0:3', '1:4', '0:5', '1:6']);
  });

  it('pauses a source that races ahead and resumes it once the others catch up', () => {
    const events: string[] = [];
    const merge = new HistoryMerge([0, 1], {
      emit() {},
      pauseSource: (source) => events.push(`pause ${source}`),
      resumeSource: (source) => events.push(`resume ${source}`),
    });
    for (let n = 0; n < 5_000; n++) merge.push(line(0, n * 2));
    expect(events).toEqual(['pause 0']);
    for (let n = 0; n < 5_000; n++) merge.push(line(1, n * 2 + 1));
    expect(events).toEqual(['pause 0', 'resume 0']);
  });
});
