import { useState } from 'react';
import type { TerminalTab } from './terminal-sessions';
import { terminalSessions } from './terminal-sessions';

interface Props {
  tab: TerminalTab;
  searchOpen: boolean;
  onSearchOpenChange(open: boolean): void;
}

/** Actions on the active terminal: find, zoom, copy/paste, restart. */
export function TerminalToolbar({ tab, searchOpen, onSearchOpenChange }: Props) {
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);
  const view = () => terminalSessions.view(tab.id);
  const find = (direction: 'next' | 'previous', text = query) =>
    setNotFound(text !== '' && !view()?.find(text, direction));
  const closeSearch = () => {
    view()?.clearSearch();
    onSearchOpenChange(false);
    view()?.focus();
  };

  return (
    <div className="terminal-toolbar" data-testid="terminal-toolbar">
      {searchOpen ? (
        <input
          autoFocus
          className={`terminal-search${notFound ? ' not-found' : ''}`}
          data-testid="terminal-search"
          placeholder="Find (Enter: next, Shift+Enter: previous)"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            find('next', event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') find(event.shiftKey ? 'previous' : 'next');
            if (event.key === 'Escape') closeSearch();
          }}
        />
      ) : (
        <button type="button" title="Find (Ctrl+Shift+F)" onClick={() => onSearchOpenChange(true)}>
          Find
        </button>
      )}
      <button type="button" title="Copy the selection (Ctrl+Shift+C)" onClick={() => void view()?.copySelection()}>
        Copy
      </button>
      <button type="button" title="Paste (Ctrl+Shift+V)" onClick={() => void view()?.pasteClipboard()}>
        Paste
      </button>
      <button type="button" title="Zoom out (Ctrl+-)" aria-label="Zoom out" onClick={() => view()?.zoom(-1)}>
        A−
      </button>
      <button type="button" title="Zoom in (Ctrl+=)" aria-label="Zoom in" onClick={() => view()?.zoom(1)}>
        A+
      </button>
      <span className="terminal-toolbar-status" data-testid="terminal-status">
        {tab.status === 'failed' && tab.error ? tab.error.message : tab.shell ? tab.shell : ''}
      </span>
      <button
        type="button"
        data-testid="terminal-restart"
        title="Start the shell again in this tab"
        onClick={() => terminalSessions.restart(tab.id)}
      >
        Restart shell
      </button>
    </div>
  );
}
