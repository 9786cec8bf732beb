import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBerthStore } from '../../stores/store';
import { copyText } from './copy-text';
import { downloadText, logFileName } from './download';
import { FilterBar } from './FilterBar';
import { LogModel, NO_FILTER, type LogFilter } from './log-model';
import { describeTarget, setLogsTarget, useLogsTarget } from './logs-target';
import { LogView } from './LogView';
import { SearchBar, type SearchState } from './SearchBar';
import { sourceLabels } from './source-labels';
import { TargetPicker } from './TargetPicker';
import { useLogStream } from './use-log-stream';
import { useLogsKeys } from './use-logs-keys';
import { useModelVersion } from './use-model-version';
import './logs.css';
import { ToggleCheck } from './ToggleCheck';

export function LogsPage() {
  const target = useLogsTarget();
  const [model] = useState(() => new LogModel());
  const version = useModelVersion(model);
  const status = useLogStream(target, model);
  const containers = useBerthStore((state) => state.containers);

  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [search, setSearch] = useState<SearchState>({ text: '', regex: false });
  const [current, setCurrent] = useState<{ seq: number; ordinal: number } | null>(null);
  const [reveal, setReveal] = useState<{ seq: number; nonce: number } | null>(null);
  const [following, setFollowing] = useState(true);
  const [showTimestamps, setShowTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const sources = model.sources;
  const labels = useMemo(() => sourceLabels(sources), [sources]);
  const labelWidth = Math.max(0, ...labels.map((label) => label.text.length));
  const showLabels = labels.length > 1;

  useEffect(() => model.setFilter(filter), [model, filter]);
  useEffect(() => model.setSearch(search), [model, search]);
  const changeSearch = useCallback((next: SearchState) => {
    setSearch(next);
    setCurrent(null);
  }, []);

  const step = useCallback(
    (direction: 1 | -1) => {
      const next = model.nextMatch(current?.seq ?? null, direction);
      if (!next) return;
      setCurrent(next);
      setFollowing(false);
      setReveal({ seq: next.seq, nonce: Date.now() + Math.random() });
    },
    [model, current],
  );

  useLogsKeys({ searchInput, step, follow: () => setFollowing(true) });

  const containerName = target?.kind === 'container' ? containers[target.id]?.name : undefined;
  const plainText = () =>
    model.shownText(showTimestamps, (source) =>
      showLabels ? `${labels[source]?.text.padEnd(labelWidth) ?? ''} | ` : '',
    );

  const copy = () => {
    copyText(plainText()).then(
      () => setCopied(`Copied ${model.shownCount} lines`),
      () => setCopied('Copy failed: the clipboard is not available'),
    );
  };

  const dropped = model.droppedCount;
  return (
    <div className="logs-page" data-testid="logs-page" data-version={version} data-stream-state={status.state}>
      <div className="logs-toolbar">
        <TargetPicker target={target} onChange={setLogsTarget} />
        <SearchBar
          inputRef={searchInput}
          search={search}
          onSearchChange={changeSearch}
          matchCount={model.matchCount}
          current={current?.ordinal ?? null}
          error={model.searchError}
          onStep={step}
        />
      </div>
      <div className="logs-toolbar">
        <FilterBar filter={filter} onFilterChange={setFilter} labels={labels} error={model.filterError} />
        <div className="logs-actions">
          <ToggleCheck
            label="Timestamps"
            testId="logs-timestamps"
            checked={showTimestamps}
            onChange={setShowTimestamps}
          />
          <ToggleCheck label="Wrap" testId="logs-wrap" checked={wrap} onChange={setWrap} />
          <button
            type="button"
            data-testid="logs-follow"
            aria-pressed={following}
            title={following ? 'Pause (scroll up)' : 'Follow (End)'}
            onClick={() => setFollowing(!following)}
          >
            {following ? 'Pause' : 'Follow'}
          </button>
          <button type="button" data-testid="logs-copy" onClick={copy} disabled={model.shownCount === 0}>
            Copy
          </button>
          <button
            type="button"
            data-testid="logs-download"
            disabled={model.shownCount === 0}
            onClick={() =>
              downloadText(logFileName(target ? describeTarget(target, containerName) : 'logs'), plainText())
            }
          >
            Download
          </button>
          <button type="button" data-testid="logs-clear" onClick={() => model.clear()}>
            Clear
          </button>
        </div>
      </div>
      <div className="logs-status" aria-live="polite">
        <span data-testid="logs-line-count">
          {model.shownCount === model.totalCount
            ? `${model.totalCount} lines`
            : `${model.shownCount} of ${model.totalCount} lines`}
        </span>
        {status.notice && <span className={`logs-notice logs-${status.notice.level}`}>{status.notice.text}</span>}
        {status.error && (
          <span className="logs-notice logs-warning" data-testid="logs-error">
            {status.error.message}
            {status.error.fix ? ` ${status.error.fix}` : ''}
          </span>
        )}
        {copied && <span className="logs-notice">{copied}</span>}
      </div>
      {dropped > 0 && (
        <div className="logs-dropped" data-testid="logs-dropped">
          {dropped.toLocaleString()} older lines dropped
        </div>
      )}
      {target === null ? (
        <p className="empty">Choose a project, a service or a container to see its logs.</p>
      ) : (
        <LogView
          model={model}
          version={version}
          labels={showLabels ? labels : []}
          labelWidth={labelWidth}
          showTimestamps={showTimestamps}
          wrap={wrap}
          following={following}
          onFollowingChange={setFollowing}
          currentMatchSeq={current?.seq ?? null}
          reveal={reveal}
        />
      )}
    </div>
  );
}
