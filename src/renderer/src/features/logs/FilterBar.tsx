import { memo } from 'react';
import type { LogFilter } from './log-model';
import type { SourceLabel } from './source-labels';
import { RegexToggle, ToggleCheck } from './ToggleCheck';

interface FilterBarProps {
  filter: LogFilter;
  onFilterChange(filter: LogFilter): void;
  labels: SourceLabel[];
  error: string | null;
}

/** Which lines show: per source (service/container), per stream, and those matching a text or regex. */
export const FilterBar = memo(function FilterBar({ filter, onFilterChange, labels, error }: FilterBarProps) {
  const toggleSource = (index: number) => {
    const hidden = new Set(filter.hiddenSources);
    if (hidden.has(index)) hidden.delete(index);
    else hidden.add(index);
    onFilterChange({ ...filter, hiddenSources: hidden });
  };
  return (
    <div className="logs-filters">
      {labels.length > 1 &&
        labels.map((label, index) => (
          <button
            key={index}
            type="button"
            className="logs-chip"
            data-testid="logs-source-toggle"
            data-label={label.text}
            aria-pressed={!filter.hiddenSources.has(index)}
            style={{ borderColor: label.color }}
            onClick={() => toggleSource(index)}
          >
            {label.text}
          </button>
        ))}
      <ToggleCheck
        label="stdout"
        testId="logs-stream-stdout"
        checked={filter.stdout}
        onChange={(stdout) => onFilterChange({ ...filter, stdout })}
      />
      <ToggleCheck
        label="stderr"
        testId="logs-stream-stderr"
        checked={filter.stderr}
        onChange={(stderr) => onFilterChange({ ...filter, stderr })}
      />
      <input
        type="text"
        className="logs-filter-input"
        placeholder="Filter lines"
        aria-label="Filter lines"
        data-testid="logs-filter"
        value={filter.query.text}
        aria-invalid={error !== null}
        title={error ?? undefined}
        onChange={(event) => onFilterChange({ ...filter, query: { ...filter.query, text: event.target.value } })}
      />
      <RegexToggle
        testId="logs-filter-regex"
        checked={filter.query.regex}
        onChange={(regex) => onFilterChange({ ...filter, query: { ...filter.query, regex } })}
      />
    </div>
  );
});
