import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogModel } from './log-model';
import { LogRow } from './LogRow';
import type { SourceLabel } from './source-labels';

/** Row height in px; the stylesheet's `.log-row` line-height must match. */
export const ROW_HEIGHT = 18;
const OVERSCAN_ROWS = 20;
const TIMESTAMP_COLUMNS = 31;

export interface LogViewProps {
  model: LogModel;
  /** Bumped when the model changed: the list re-renders only the rows in view. */
  version: number;
  labels: SourceLabel[];
  labelWidth: number;
  showTimestamps: boolean;
  wrap: boolean;
  following: boolean;
  onFollowingChange(following: boolean): void;
  currentMatchSeq: number | null;
  /** Scrolls the line into the middle of the view when `nonce` changes. */
  reveal: { seq: number; nonce: number } | null;
}

/**
 * A virtualized list: only the rows in (and just around) the viewport exist in the DOM, placed absolutely over a
 * spacer as tall as all rows. While following it stays at the bottom; scrolling up (wheel, keys, scrollbar) pauses.
 */
export function LogView(props: LogViewProps) {
  const { model, labels, labelWidth, showTimestamps, wrap, following, onFollowingChange, currentMatchSeq, reveal } =
    props;
  const scroller = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLSpanElement>(null);
  const expectedTop = useRef(0);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  const totalHeight = model.totalRows * ROW_HEIGHT;
  const top = following ? Math.max(0, totalHeight - viewport.height) : viewport.top;

  // The bottom is known from the model: reading scrollHeight here would force a layout on every frame.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !following || expectedTop.current === top) return;
    element.scrollTop = top;
    expectedTop.current = top;
  });

  useEffect(() => {
    const element = scroller.current;
    if (!element || !reveal) return;
    const index = model.indexOfSeq(reveal.seq);
    if (index < 0) return;
    element.scrollTop = Math.max(0, model.rowOf(index) * ROW_HEIGHT - element.clientHeight / 2);
    expectedTop.current = element.scrollTop;
    setViewport({ top: element.scrollTop, height: element.clientHeight });
  }, [reveal, model]);

  // Wrap width: how many monospace characters fit beside the timestamp and the prefix.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () => {
      setViewport({ top: element.scrollTop, height: element.clientHeight });
      if (!wrap) return model.setWrapColumns(null);
      const charWidth = (measure.current?.getBoundingClientRect().width ?? 70) / 10 || 7;
      const prefixColumns = labels.length > 0 ? labelWidth + 3 : 0;
      const columns = Math.floor((element.clientWidth - 24) / charWidth) - prefixColumns;
      model.setWrapColumns(Math.max(10, columns - (showTimestamps ? TIMESTAMP_COLUMNS : 0)));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [model, wrap, showTimestamps, labelWidth, labels.length]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const ours = Math.abs(element.scrollTop - expectedTop.current) < 2;
    // Our own scroll to the bottom changes nothing the next render doesn't already know.
    if (ours && following) return;
    setViewport({ top: element.scrollTop, height: element.clientHeight });
    if (ours) return;
    const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT;
    if (atBottom !== following) onFollowingChange(atBottom);
  }, [following, onFollowingChange]);

  const pauseOnUpward = (upward: boolean) => {
    if (upward && following) onFollowingChange(false);
  };

  const rows = [];
  const count = model.shownCount;
  if (count > 0) {
    const firstRow = Math.floor(top / ROW_HEIGHT);
    // While following, nothing above or below the bottom screenful can come into view before the next frame.
    const overscan = following ? 0 : OVERSCAN_ROWS;
    const first = Math.max(0, model.indexAtRow(firstRow) - overscan);
    const bottom = top + viewport.height + overscan * ROW_HEIGHT;
    const search = model.search;
    for (let index = first; index < count; index++) {
      const rowTop = model.rowOf(index) * ROW_HEIGHT;
      if (rowTop > bottom) break;
      const line = model.shownLine(index)!;
      rows.push(
        <LogRow
          key={line.seq}
          line={line}
          label={labels[line.source]}
          labelWidth={labelWidth}
          showTimestamp={showTimestamps}
          search={search}
          currentMatch={line.seq === currentMatchSeq}
          top={rowTop}
          height={model.rowsOf(index) * ROW_HEIGHT}
        />,
      );
    }
  }

  return (
    <div
      ref={scroller}
      className={`log-scroller${wrap ? ' log-wrap' : ''}`}
      data-testid="logs-scroller"
      data-following={following}
      tabIndex={0}
      onScroll={onScroll}
      onWheel={(event) => pauseOnUpward(event.deltaY < 0)}
      onPointerDown={(event) => pauseOnUpward(event.target === scroller.current)}
      onKeyDown={(event) => pauseOnUpward(['ArrowUp', 'PageUp', 'Home'].includes(event.key))}
    >
      <span ref={measure} className="log-measure" aria-hidden="true">
        MMMMMMMMMM
      </span>
      <div className="log-spacer" style={{ height: totalHeight }}>
        {rows}
      </div>
    </div>
  );
}
