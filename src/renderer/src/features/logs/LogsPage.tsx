import { ArrowDownToLine, Copy, Download, Eraser, Pause, Play } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { useBerthStore } from '../../stores/store';
import { copyText } from './copy-text';
import { downloadText, logFileName } from './download';
import { FilterBar } from './FilterBar';
import { HistoryControls } from './HistoryControls';
import { LogModel, NO_FILTER, type LogFilter } from './log-model';
import { countLines } from './count-lines';
import { describeTarget, setLogsTarget, useLogsTarget } from './logs-target';
import { LogView } from './LogView';
import { NoContainerNote } from './NoContainerNote';
import { SearchBar, type SearchState } from './SearchBar';
import { sourceLabels } from './source-labels';
import { TargetPicker } from './TargetPicker';
import { ToggleCheck } from './ToggleCheck';
import { DEFAULT_HISTORY, useLogStream, type LogHistory } from './use-log-stream';
import { useLogsKeys } from './use-logs-keys';
import { useModelVersion } from './use-model-version';
import './logs.css';

export function LogsPage() {
  const target = useLogsTarget();
  const [model] = useState(() => new LogModel());
  const version = useModelVersion(model);
  const [history, setHistory] = useState<LogHistory>(DEFAULT_HISTORY);
  const status = useLogStream(target, model, history);
  const containers = useBerthStore((state) => state.containers);

  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [search, setSearch] = useState<SearchState>({ text: '', regex: false });
  const [current, setCurrent] = useState<{ seq: number; ordinal: number } | null>(null);
  const [reveal, setReveal] = useState<{ seq: number; nonce: number } | null>(null);
  /** Null while following; the count of received lines when the view paused, to say how many came since. */
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [showTimestamps, setShowTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const following = pausedAt === null;
  const setFollowing = useCallback(
    (follow: boolean) => setPausedAt((paused) => (follow ? null : (paused ?? model.receivedCount))),
    [model],
  );

  const sources = model.sources;
  const labels = useMemo(() => sourceLabels(sources), [sources]);
  const labelWidth = Math.max(0, ...labels.map((label) => label.text.length));
  const showLabels = labels.length > 1;

  useEffect(() => model.setFilter(filter), [model, filter]);
  useEffect(() => model.setSearch(search), [model, search]);
  // Another target or history: a new stream into a cleared model, following again (adjusted while rendering).
  const [stream, setStream] = useState({ target, history });
  if (stream.target !== target || stream.history !== history) {
    setStream({ target, history });
    setPausedAt(null);
  }
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
    [model, current, setFollowing],
  );

  useLogsKeys({ searchInput, step, follow: () => setFollowing(true) });

  const containerName = target?.kind === 'container' ? containers[target.id]?.name : undefined;
  const plainText = () =>
    model.shownText(showTimestamps, (source) =>
      showLabels ? `${labels[source]?.text.padEnd(labelWidth) ?? ''} | ` : '',
    );

  const copy = () => {
    copyText(plainText()).then(
      () => setCopied(`Copied ${countLines(model.shownCount)}`),
      () => setCopied('Copy failed: the clipboard is not available'),
    );
  };

  const dropped = model.droppedCount;
  const newLines = pausedAt === null ? 0 : model.receivedCount - pausedAt;
  const noContainer = target !== null && status.state !== 'loading' && sources.length === 0 && model.totalCount === 0;
  return (
    <div className="logs-page" data-testid="logs-page" data-version={version} data-stream-state={status.state}>
      <div className="logs-toolbar">
        <TargetPicker target={target} onChange={setLogsTarget} />
        <HistoryControls history={history} onChange={setHistory} />
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
          <Button
            size="sm"
            icon={following ? <Pause size={14} aria-hidden="true" /> : <Play size={14} aria-hidden="true" />}
            data-testid="logs-follow"
            aria-pressed={following}
            title={following ? 'Pause (scroll up)' : 'Follow (End)'}
            onClick={() => setFollowing(!following)}
          >
            {following ? 'Pause' : 'Follow'}
          </Button>
          <Button
            size="sm"
            icon={<Copy size={14} aria-hidden="true" />}
            data-testid="logs-copy"
            onClick={copy}
            disabled={model.shownCount === 0}
          >
            Copy
          </Button>
          <Button
            size="sm"
            icon={<Download size={14} aria-hidden="true" />}
            data-testid="logs-download"
            disabled={model.shownCount === 0}
            onClick={() =>
              downloadText(logFileName(target ? describeTarget(target, containerName) : 'logs'), plainText())
            }
          >
            Download
          </Button>
          <Button
            size="sm"
            icon={<Eraser size={14} aria-hidden="true" />}
            data-testid="logs-clear"
            onClick={() => model.clear()}
          >
            Clear
          </Button>
        </div>
      </div>
      <div className="logs-status" aria-live="polite">
        <span data-testid="logs-line-count">
          {model.shownCount === model.totalCount
            ? countLines(model.totalCount)
            : `${model.shownCount} of ${countLines(model.totalCount)}`}
        </span>
        {status.notice && <span className={`logs-notice logs-${status.notice.level}`}>{status.notice.text}</span>}
        {copied && <span className="logs-notice">{copied}</span>}
        {dropped > 0 && (
          <span className="logs-dropped" data-testid="logs-dropped">
            {dropped.toLocaleString('en-US')} older lines dropped
          </span>
        )}
      </div>
      {status.error && <ErrorNote compact error={status.error} testId="logs-error" />}
      {target === null ? (
        <p className="empty">Choose a project, a service or a container to see its logs.</p>
      ) : (
        <div className="log-view-frame">
          {noContainer && <NoContainerNote target={target} />}
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
          {newLines > 0 && (
            <button type="button" className="logs-jump" onClick={() => setFollowing(true)} data-testid="logs-new-lines">
              <ArrowDownToLine size={14} aria-hidden="true" />
              {countLines(newLines, 'new')} — jump to latest
            </button>
          )}
        </div>
      )}
    </div>
  );
}
