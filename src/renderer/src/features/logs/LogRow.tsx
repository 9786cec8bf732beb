import { memo, type CSSProperties } from 'react';
import type { ViewLine } from './log-model';
import { paletteColor, parseSgr, type SgrSpan, type SgrStyle } from './sgr';
import type { SourceLabel } from './source-labels';
import type { TextMatcher } from './text-matcher';

export interface LogRowProps {
  line: ViewLine;
  label: SourceLabel | undefined;
  labelWidth: number;
  showTimestamp: boolean;
  search: TextMatcher | null;
  currentMatch: boolean;
  top: number;
  height: number;
}

/** One log line as React spans (no innerHTML): timestamp, colored source prefix, then the text with its colors. */
export const LogRow = memo(function LogRow({
  line,
  label,
  labelWidth,
  showTimestamp,
  search,
  currentMatch,
  top,
  height,
}: LogRowProps) {
  const spans = highlight(parseSgr(line.text), search?.ranges(line.plain) ?? []);
  return (
    <div
      className={`log-row log-${line.stream}${currentMatch ? ' log-current-match' : ''}`}
      style={{ top, height }}
      data-testid="log-row"
      data-seq={line.seq}
      data-source={line.source}
      data-stream={line.stream}
    >
      {showTimestamp && <span className="log-time">{line.time}</span>}
      {label && (
        <span className="log-prefix" style={{ color: label.color }}>
          {label.text.padEnd(labelWidth)} |
        </span>
      )}
      <span className="log-text">
        {spans.map((span, index) => (
          <span key={index} className={span.match ? 'log-match' : undefined} style={toCss(span.style)}>
            {span.text}
          </span>
        ))}
      </span>
    </div>
  );
});

type HighlightedSpan = SgrSpan & { match: boolean };

/** Cuts the styled spans at the search ranges (which are offsets into the plain text, the spans' concatenation). */
function highlight(spans: SgrSpan[], ranges: Array<[number, number]>): HighlightedSpan[] {
  if (ranges.length === 0) return spans.map((span) => ({ ...span, match: false }));
  const out: HighlightedSpan[] = [];
  let offset = 0;
  let rangeIndex = 0;
  for (const span of spans) {
    const end = offset + span.text.length;
    let cursor = offset;
    while (cursor < end) {
      while (rangeIndex < ranges.length && ranges[rangeIndex]![1] <= cursor) rangeIndex++;
      const range = ranges[rangeIndex];
      if (!range || range[0] >= end) {
        out.push({ text: span.text.slice(cursor - offset), style: span.style, match: false });
        break;
      }
      if (range[0] > cursor) {
        out.push({ text: span.text.slice(cursor - offset, range[0] - offset), style: span.style, match: false });
        cursor = range[0];
      }
      const stop = Math.min(range[1], end);
      out.push({ text: span.text.slice(cursor - offset, stop - offset), style: span.style, match: true });
      cursor = stop;
    }
    offset = end;
  }
  return out;
}

function toCss(style: SgrStyle | null): CSSProperties | undefined {
  if (!style) return undefined;
  const color = (value: number | string | undefined) =>
    value === undefined ? undefined : typeof value === 'number' ? paletteColor(value) : value;
  let fg = color(style.fg);
  let bg = color(style.bg);
  if (style.inverse) [fg, bg] = [bg ?? 'var(--panel)', fg ?? 'var(--text)'];
  return {
    color: fg,
    backgroundColor: bg,
    fontWeight: style.bold ? 700 : undefined,
    opacity: style.dim ? 0.7 : undefined,
    fontStyle: style.italic ? 'italic' : undefined,
    textDecoration: style.underline ? 'underline' : undefined,
  };
}
