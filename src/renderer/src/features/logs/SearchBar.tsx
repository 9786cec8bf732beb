import { memo, type RefObject } from 'react';

export interface SearchState {
  text: string;
  regex: boolean;
}

interface SearchBarProps {
  inputRef: RefObject<HTMLInputElement | null>;
  search: SearchState;
  onSearchChange(search: SearchState): void;
  matchCount: number;
  /** 0-based position of the current match, or null. */
  current: number | null;
  error: string | null;
  onStep(direction: 1 | -1): void;
}

/** Find in the logs: Enter / Shift+Enter step through matches, Escape clears. */
export const SearchBar = memo(function SearchBar({
  inputRef,
  search,
  onSearchChange,
  matchCount,
  current,
  error,
  onStep,
}: SearchBarProps) {
  return (
    <div className="logs-search" role="search">
      <input
        ref={inputRef}
        type="search"
        placeholder="Find (Ctrl+F)"
        aria-label="Find in logs"
        data-testid="logs-search"
        value={search.text}
        aria-invalid={error !== null}
        title={error ?? undefined}
        onChange={(event) => onSearchChange({ ...search, text: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            onSearchChange({ ...search, text: '' });
            event.currentTarget.blur();
          }
        }}
      />
      <label className="logs-check" title="Regular expression">
        <input
          type="checkbox"
          data-testid="logs-search-regex"
          checked={search.regex}
          onChange={(event) => onSearchChange({ ...search, regex: event.target.checked })}
        />
        .*
      </label>
      <span className="logs-count" data-testid="logs-search-count">
        {error ? 'invalid' : search.text ? `${current === null ? 0 : current + 1}/${matchCount}` : ''}
      </span>
      <button
        type="button"
        data-testid="logs-search-prev"
        title="Previous match (Shift+Enter)"
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button type="button" data-testid="logs-search-next" title="Next match (Enter)" onClick={() => onStep(1)}>
        ↓
      </button>
    </div>
  );
});
