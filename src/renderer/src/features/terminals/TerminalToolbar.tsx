import { ClipboardPaste, Copy, RotateCcw, Search, ZoomIn, ZoomOut } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { IconButton } from '../../components/IconButton';
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
          type="search"
          aria-label="Find in the terminal"
          className="terminal-search"
          aria-invalid={notFound}
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
        <IconButton
          icon={<Search size={15} />}
          label="Find"
          shortcut="Ctrl+Shift+F"
          onClick={() => onSearchOpenChange(true)}
        />
      )}
      <IconButton
        icon={<Copy size={15} />}
        label="Copy the selection"
        shortcut="Ctrl+Shift+C"
        onClick={() => void view()?.copySelection()}
      />
      <IconButton
        icon={<ClipboardPaste size={15} />}
        label="Paste"
        shortcut="Ctrl+Shift+V"
        onClick={() => void view()?.pasteClipboard()}
      />
      <IconButton icon={<ZoomOut size={15} />} label="Zoom out" shortcut="Ctrl+-" onClick={() => view()?.zoom(-1)} />
      <IconButton icon={<ZoomIn size={15} />} label="Zoom in" shortcut="Ctrl+=" onClick={() => view()?.zoom(1)} />
      <span className="terminal-toolbar-status" data-testid="terminal-status">
        {tab.status === 'failed' && tab.error ? tab.error.message : tab.shell ? tab.shell : ''}
      </span>
      <Button
        size="sm"
        icon={<RotateCcw size={14} aria-hidden="true" />}
        data-testid="terminal-restart"
        title="Start the shell again in this tab"
        onClick={() => terminalSessions.restart(tab.id)}
      >
        Restart shell
      </Button>
    </div>
  );
}
