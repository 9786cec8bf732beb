/** The markers a log view shows where a container's run ended or restarted: `exited 137 · OOM-killed · 15:03:12`. */
import type { LogMarker } from '@shared/schemas/logs';
import { formatMemory } from '../diagnostics/diagnose';
import { exitMeaning } from '../diagnostics/exit-codes';

/**
 * An engine event's `timeNano` as the lines' fixed RFC 3339 form, so the marker sorts among them. A double holds
 * about 16 digits, so the time is kept to the microsecond.
 */
export function timeFromNanos(timeNano: number): string {
  const micros = Math.round(timeNano / 1_000);
  const seconds = Math.floor(micros / 1e6);
  const fraction = String(micros - seconds * 1e6).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${fraction}000Z`;
}

/** `15:03:12` in this machine's time zone. */
function clock(time: string): string {
  return new Date(Date.parse(time)).toLocaleTimeString('en-GB', { hour12: false });
}

export interface ExitFacts {
  time: string;
  exitCode: number | null;
  oomKilled: boolean;
  memoryLimitBytes: number | null;
}

export function exitMarker(source: number, facts: ExitFacts): LogMarker {
  const code = facts.exitCode;
  const parts = [`exited ${code ?? '?'}`];
  if (facts.oomKilled) {
    parts.push(facts.memoryLimitBytes ? `OOM-killed at ${formatMemory(facts.memoryLimitBytes)} limit` : 'OOM-killed');
  } else if (code === 0) parts.push('completed');
  else if (code !== null && exitMeaning(code).signal) parts.push(exitMeaning(code).meaning.replace(/\s*\(.*\)$/, ''));
  parts.push(clock(facts.time));
  return {
    time: facts.time,
    source,
    kind: 'exited',
    exitCode: code,
    oomKilled: facts.oomKilled,
    restartCount: null,
    text: parts.join(' · '),
  };
}

export function restartMarker(
  source: number,
  facts: { time: string; restartCount: number | null; previousExit: number | null },
): LogMarker {
  const count = facts.restartCount === null ? 'restart' : `restart ${facts.restartCount}`;
  const previous = facts.previousExit === null ? '' : ` (previous exit ${facts.previousExit})`;
  return {
    time: facts.time,
    source,
    kind: 'restarted',
    exitCode: facts.previousExit,
    oomKilled: false,
    restartCount: facts.restartCount,
    text: `${count}${previous} · ${clock(facts.time)}`,
  };
}
