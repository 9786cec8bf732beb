import { useMemo, useState } from 'react';
import { useEngineGate } from '../../status/engine-gate';
import { MemoryBar } from './MemoryBar';
import { useStatsData, useStatsInterest } from './stats-feed';
import { formatMemory, formatPercent, formatRate } from './stats-format';
import { nextSort, sortedStatsRows, type StatsSort, type StatsSortKey } from './stats-table-rows';

/** The columns, with their share of the table's width (the table lays out fixed and truncates). */
const COLUMNS: Array<{ key: StatsSortKey; label: string; width: string; numeric?: boolean }> = [
  { key: 'name', label: 'Container', width: '20%' },
  { key: 'project', label: 'Project · service', width: '17%' },
  { key: 'cpu', label: 'CPU %', width: '8%', numeric: true },
  { key: 'memory', label: 'Memory', width: '11%', numeric: true },
  { key: 'memoryPercent', label: 'Mem %', width: '8%', numeric: true },
  { key: 'net', label: 'Net rx / tx', width: '14%', numeric: true },
  { key: 'block', label: 'Disk read / write', width: '14%', numeric: true },
  { key: 'pids', label: 'PIDs', width: '8%', numeric: true },
];

const ALL = { all: true };

/** Every running container of the engine, live, like `docker stats`: sortable by any column. */
export function StatsPage() {
  const gate = useEngineGate();
  useStatsInterest(gate.connected ? ALL : null);
  const targets = useStatsData((data) => data.targets);
  const history = useStatsData((data) => data.history);
  const notice = useStatsData((data) => data.notice);
  const [sort, setSort] = useState<StatsSort>({ key: 'cpu', descending: true });
  const rows = useMemo(
    () =>
      sortedStatsRows(
        (targets ?? []).map((target) => ({ target, latest: history[target.id]?.at(-1) })),
        sort,
      ),
    [targets, history, sort],
  );

  if (!gate.connected) return <p className="empty">{gate.reason} Figures appear when it is back.</p>;
  if (targets === null) return <p className="empty">Reading the running containers…</p>;
  if (targets.length === 0)
    return <p className="empty">No container is running. Start a project and its figures show here.</p>;

  return (
    <div className="stats-page table-frame">
      {notice && <p className="warning">{notice}</p>}
      <table className="data-table stats-table" data-testid="stats-table">
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" onClick={() => setSort(nextSort(sort, column.key))}>
                  {column.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ target, latest }) => (
            <tr key={target.id} data-testid="stats-row" data-container={target.name}>
              <td className="mono" title={target.name}>
                {target.name}
              </td>
              <td title={target.project ?? undefined}>
                {target.project ? `${target.project} · ${target.service ?? ''}` : '—'}
              </td>
              <td className="numeric" data-testid="stats-cpu">
                {formatPercent(latest?.cpuPercent ?? null)}
              </td>
              <td className="numeric" data-testid="stats-memory">
                {latest ? formatMemory(latest.memoryBytes, latest.memoryLimited ? latest.memoryLimitBytes : null) : '—'}
                {latest?.memoryLimited && (
                  <MemoryBar
                    used={latest.memoryBytes}
                    limit={latest.memoryLimitBytes}
                    label={`Memory of ${target.name} against its limit`}
                  />
                )}
              </td>
              <td className="numeric">{latest ? formatPercent(latest.memoryPercent) : '—'}</td>
              <td className="numeric">
                {formatRate(latest?.netRxRate ?? null)} / {formatRate(latest?.netTxRate ?? null)}
              </td>
              <td className="numeric">
                {formatRate(latest?.blockReadRate ?? null)} / {formatRate(latest?.blockWriteRate ?? null)}
              </td>
              <td className="numeric" data-testid="stats-pids">
                {latest?.pids ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
