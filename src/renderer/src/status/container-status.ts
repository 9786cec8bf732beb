import type { ContainerSummary, Diagnosis } from '@shared/schemas/containers';
import type { ErrorPayload } from '@shared/errors';
import type { Tone } from '../components/tone';

/** Main's diagnosis reasons, and the few states only the renderer names (healthy, removing, unknown). */
export type StatusKind = Diagnosis['reason'] | 'healthy' | 'removing' | 'unknown';

/** What a container's state means to a person: a word, a colour, why, and what to do. */
export interface ContainerStatus {
  kind: StatusKind;
  tone: Tone;
  /** One or two words for a card's corner: "failed", "OOM-killed", "crash loop". */
  label: string;
  /** For a table's state column: "exited (137) · OOM-killed". */
  columnLabel: string;
  /** Why, in a sentence ("OOM-killed at 8 MiB: it needed more memory than its mem_limit."); null when obvious. */
  detail: string | null;
  fix: string | null;
  /** The start error the engine keeps (`State.Error`), translated, raw text in details. */
  engineError: ErrorPayload | null;
  /** The last lines it printed before it failed. */
  lastLines: string[];
}

const SEVERITY_TONES: Record<Diagnosis['severity'], Tone> = {
  failed: 'bad',
  warning: 'warn',
  ok: 'ok',
  completed: 'idle',
};

const LABELS: Record<StatusKind, string> = {
  running: 'running',
  healthy: 'healthy',
  starting: 'starting',
  unhealthy: 'unhealthy',
  completed: 'completed',
  stopped: 'stopped',
  'error-exit': 'failed',
  'oom-killed': 'OOM-killed',
  killed: 'killed',
  signal: 'stopped by signal',
  'crash-loop': 'crash loop',
  restarting: 'restarting',
  'start-failed': 'failed to start',
  created: 'created',
  paused: 'paused',
  dead: 'dead',
  removing: 'removing',
  unknown: 'unknown',
};

/** Exit codes a stop produces: SIGINT (130), SIGTERM (143), and SIGKILL after the stop timeout (137). */
const STOP_EXIT_CODES = new Set([130, 137, 143]);
const CRASH_LOOP_RESTARTS = 2;
const CRASH_LOOP_WINDOW_MS = 60_000;

function make(kind: StatusKind, tone: Tone, detail: string | null = null): ContainerStatus {
  const label = LABELS[kind];
  return {
    kind,
    tone,
    label,
    columnLabel: detail ? `${label} · ${detail}` : label,
    detail,
    fix: null,
    engineError: null,
    lastLines: [],
  };
}

function restarts(container: ContainerSummary): string {
  const count = container.restartCount;
  const last = container.exitCode === null ? '' : `, last exit ${container.exitCode}`;
  return `${count} restart${count === 1 ? '' : 's'}${last}`;
}

/** Without main's diagnosis (not inspected yet): what exit code, OOM flag, restarts and health say. */
function fromSummary(container: ContainerSummary, now: number): ContainerStatus {
  const code = container.exitCode;
  switch (container.state) {
    case 'running': {
      const recent = container.startedAt !== null && now - container.startedAt < CRASH_LOOP_WINDOW_MS;
      if (container.restartCount >= CRASH_LOOP_RESTARTS && recent)
        return make('crash-loop', 'warn', restarts(container));
      if (container.health === 'unhealthy') return make('unhealthy', 'bad');
      if (container.health === 'starting') return make('starting', 'warn', 'health check pending');
      const restarted = container.restartCount > 0 ? restarts(container) : null;
      return make(container.health === 'healthy' ? 'healthy' : 'running', 'ok', restarted);
    }
    case 'exited':
      if (container.oomKilled) return make('oom-killed', 'bad', `out of memory (exit ${code ?? 137})`);
      if (code === 0) return make('completed', 'idle', 'exit 0');
      if (code === null) return make('stopped', 'idle');
      if (STOP_EXIT_CODES.has(code))
        return make('stopped', 'idle', code === 137 ? 'killed (exit 137)' : `exit ${code}`);
      return make('error-exit', 'bad', `exit ${code}`);
    case 'restarting':
      return container.restartCount >= CRASH_LOOP_RESTARTS
        ? make('crash-loop', 'warn', restarts(container))
        : make('restarting', 'warn');
    case 'created':
      return make('created', 'idle', 'not started');
    case 'paused':
      return make('paused', 'warn');
    case 'removing':
      return make('removing', 'warn');
    case 'dead':
      return make('dead', 'bad', 'the engine could not stop or remove it');
  }
}

/** Main's diagnosis has the last word: its severity's colour, its sentence, its fix and its evidence. */
function fromDiagnosis(container: ContainerSummary, diagnosis: Diagnosis): ContainerStatus {
  const kind: StatusKind =
    diagnosis.reason === 'running' && container.health === 'healthy' ? 'healthy' : diagnosis.reason;
  const quiet = diagnosis.severity === 'ok' && diagnosis.fix === null;
  return {
    kind,
    tone: SEVERITY_TONES[diagnosis.severity],
    label: LABELS[kind],
    columnLabel: diagnosis.label,
    detail: quiet ? null : diagnosis.sentence,
    fix: diagnosis.fix,
    engineError: diagnosis.engineError
      ? {
          code: 'E_ENGINE_ERROR',
          message: diagnosis.engineError.message,
          fix: diagnosis.engineError.fix,
          details: diagnosis.engineError.details,
        }
      : null,
    lastLines: diagnosis.lastLogLines,
  };
}

/**
 * The status of one container. With the engine unreachable nothing is known, whatever the last list said; else
 * main's diagnosis when the container was inspected, and what the summary says otherwise.
 */
export function containerStatus(container: ContainerSummary, connected = true, now = Date.now()): ContainerStatus {
  if (!connected) return { ...make('unknown', 'unknown'), detail: 'the Docker engine is unreachable' };
  return container.diagnosis ? fromDiagnosis(container, container.diagnosis) : fromSummary(container, now);
}

/** The container that speaks for a service: a running one, else the newest. */
export function mainContainer(containers: readonly ContainerSummary[]): ContainerSummary | undefined {
  return (
    containers.find((container) => container.state === 'running') ??
    [...containers].sort((a, b) => b.createdAt - a.createdAt)[0]
  );
}
