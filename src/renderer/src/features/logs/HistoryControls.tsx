import { memo } from 'react';
import type { LogHistory } from './use-log-stream';

const TAILS: Array<{ value: LogHistory['tail']; label: string }> = [
  { value: 100, label: 'last 100 lines' },
  { value: 1_000, label: 'last 1,000 lines' },
  { value: 10_000, label: 'last 10,000 lines' },
  { value: 'all', label: 'all lines kept' },
];

const SINCE: Array<{ value: string | null; label: string }> = [
  { value: null, label: 'any time' },
  { value: '10m', label: 'last 10 minutes' },
  { value: '1h', label: 'last hour' },
  { value: '6h', label: 'last 6 hours' },
  { value: '24h', label: 'last 24 hours' },
];

/** How much history to load before following: per container, the last N lines, from how far back. */
export const HistoryControls = memo(function HistoryControls({
  history,
  onChange,
}: {
  history: LogHistory;
  onChange(history: LogHistory): void;
}) {
  return (
    <div className="logs-history" role="group" aria-label="History to load">
      <select
        aria-label="Lines of history per container"
        data-testid="logs-tail"
        value={String(history.tail)}
        onChange={(event) =>
          onChange({ ...history, tail: event.target.value === 'all' ? 'all' : Number(event.target.value) })
        }
      >
        {TAILS.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Since"
        data-testid="logs-since"
        value={history.since ?? ''}
        onChange={(event) => onChange({ ...history, since: event.target.value || null })}
      >
        {SINCE.map((option) => (
          <option key={option.label} value={option.value ?? ''}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
});
