import { ChevronDown, ChevronUp } from 'lucide-react';
import { memo, type RefObject } from 'react';
import { IconButton } from '../../components/IconButton';
import { RegexToggle } from './ToggleCheck';

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
      <RegexToggle
        testId="logs-search-regex"
        checked={search.regex}
        onChange={(regex) => onSearchChange({ ...search, regex })}
      />
      <span className="logs-count" data-testid="logs-search-count">
        {error ? 'invalid' : search.text ? `${current === null ? 0 : current + 1}/${matchCount}` : ''}
      </span>
      <IconButton
        icon={<ChevronUp size={15} />}
        label="Previous match"
        shortcut="Shift+Enter"
        size="sm"
        data-testid="logs-search-prev"
        onClick={() => onStep(-1)}
      />
      <IconButton
        icon={<ChevronDown size={15} />}
        label="Next match"
        shortcut="Enter"
        size="sm"
        data-testid="logs-search-next"
        onClick={() => onStep(1)}
      />
    </div>
  );
});
