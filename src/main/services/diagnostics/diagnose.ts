/**
 * One container's Diagnosis from what inspect says (state, exit code, OOM flag, restarts, health log, start error)
 * and what Berth saw of its runs (restarts in the window, kill signals before the exit). Pure: the caller gathers.
 */
import type Docker from 'dockerode';
import type { Diagnosis, HealthRun } from '@shared/schemas/containers';
import { COMPOSE_LABELS } from '../compose/labels';
import { explainEngineError } from './engine-error-text';
import { exitMeaning } from './exit-codes';
import { CRASH_LOOP_RESTARTS, CRASH_LOOP_WINDOW_MS } from './run-history';

/** What inspect says, as plain values (epoch ms; null for Docker's zero time). */
export interface InspectFacts {
  status: string;
  running: boolean;
  paused: boolean;
  restarting: boolean;
  dead: boolean;
  oomKilled: boolean;
  exitCode: number | null;
  /** The engine's error of the last start (`State.Error`); empty when none. */
  error: string;
  startedAt: number | null;
  finishedAt: number | null;
  restartCount: number;
  memoryLimitBytes: number | null;
  health: { status: 'starting' | 'healthy' | 'unhealthy'; failingStreak: number; log: HealthRun[] } | null;
  /** Compose identity, to say where to change things: the service and its first compose file. */
  service: string | null;
  composeFile: string | null;
}

export interface DiagnoseInput {
  facts: InspectFacts;
  /** Restarts Berth saw within the crash-loop window (see RunHistory). */
  restartsInWindow: number;
  /** Kill signals sent shortly before the last exit (`['15']` a stop, `['15','9']` a stop that timed out). */
  killSignals: readonly string[];
  /** The last lines it printed (only gathered for failed containers). */
  lastLogLines: readonly string[];
  /** The container that holds the port of a failed start, when Docker owns it (see `findPortHolder`). */
  portHolder?: string | null;
  now: number;
}

/** Docker's restart back-off: 100 ms, doubling after each short run (< 10 s), at most one minute. */
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 60_000;
const SHORT_RUN_MS = 10_000;
/** Health runs kept in the diagnosis; output longer than this is cut. */
const HEALTH_RUNS = 3;
const HEALTH_OUTPUT_CHARS = 500;

export function timeOf(value: string | undefined): number | null {
  if (!value || value.startsWith('0001-')) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

export function factsFromInspect(info: Docker.ContainerInspectInfo): InspectFacts {
  const state = info.State;
  const health = (state as { Health?: { Status?: string; FailingStreak?: number; Log?: unknown[] } }).Health;
  const healthStatus = health?.Status;
  const finishedAt = timeOf(state.FinishedAt);
  return {
    status: state.Status,
    running: state.Running && !state.Restarting,
    paused: state.Paused,
    restarting: state.Restarting,
    dead: state.Dead,
    oomKilled: state.OOMKilled,
    exitCode: state.Running && !state.Restarting ? null : state.ExitCode,
    error: state.Error ?? '',
    startedAt: timeOf(state.StartedAt),
    finishedAt,
    restartCount: info.RestartCount ?? 0,
    memoryLimitBytes: info.HostConfig?.Memory ? info.HostConfig.Memory : null,
    service: info.Config?.Labels?.[COMPOSE_LABELS.service] ?? null,
    composeFile: info.Config?.Labels?.[COMPOSE_LABELS.configFiles]?.split(',')[0] || null,
    health:
      healthStatus === 'starting' || healthStatus === 'healthy' || healthStatus === 'unhealthy'
        ? { status: healthStatus, failingStreak: health?.FailingStreak ?? 0, log: healthRuns(health?.Log) }
        : null,
  };
}

function healthRuns(log: unknown[] | undefined): HealthRun[] {
  return (log ?? []).slice(-HEALTH_RUNS).map((entry) => {
    const run = entry as { End?: string; ExitCode?: number; Output?: string };
    const output = (run.Output ?? '').trim();
    return {
      at: timeOf(run.End) ?? 0,
      exitCode: run.ExitCode ?? -1,
      output: output.length > HEALTH_OUTPUT_CHARS ? `${output.slice(0, HEALTH_OUTPUT_CHARS)}…` : output,
    };
  });
}

/** `2.0 GiB`, `8.0 MiB`, `512 MiB`: binary units, one decimal below ten. */
export function formatMemory(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

type Draft = Pick<Diagnosis, 'severity' | 'reason' | 'label' | 'sentence' | 'fix'> & Partial<Diagnosis>;

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { facts } = input;
  const draft = facts.dead
    ? dead()
    : facts.paused
      ? paused()
      : facts.restarting
        ? restarting(input)
        : facts.running
          ? running(input)
          : facts.status === 'created'
            ? created(input)
            : exited(input);
  const code = facts.exitCode;
  return {
    exitCode: code,
    exitMeaning: code === null ? null : exitMeaning(code).meaning,
    memoryLimitBytes: facts.memoryLimitBytes,
    crashLoop: null,
    health: facts.health
      ? { status: facts.health.status, failingStreak: facts.health.failingStreak, lastRuns: facts.health.log }
      : null,
    engineError: null,
    lastLogLines: draft.severity === 'failed' || draft.reason === 'crash-loop' ? [...input.lastLogLines] : [],
    since: facts.running ? facts.startedAt : (facts.finishedAt ?? facts.startedAt),
    ...draft,
  };
}

function dead(): Draft {
  return {
    severity: 'failed',
    reason: 'dead',
    label: 'dead',
    sentence: 'The engine could not stop or remove this container (it is "dead").',
    fix: 'Remove it (docker rm -f); if that fails, restart the Docker engine.',
  };
}

function paused(): Draft {
  return {
    severity: 'warning',
    reason: 'paused',
    label: 'paused',
    sentence: 'Paused: its processes are frozen.',
    fix: 'Unpause it (docker unpause) to let it run again.',
  };
}

/** The wait before Docker's next restart: the back-off doubles after each run shorter than 10 s. */
export function restartBackoffMs(facts: InspectFacts): number {
  const lastRun = facts.startedAt !== null && facts.finishedAt !== null ? facts.finishedAt - facts.startedAt : 0;
  if (lastRun >= SHORT_RUN_MS || facts.restartCount <= 0) return FIRST_BACKOFF_MS;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(20, facts.restartCount - 1));
}

function lastExit(facts: InspectFacts): string {
  if (facts.oomKilled) return 'OOM-killed';
  return facts.exitCode === null ? 'unknown' : `exit ${facts.exitCode}`;
}

function crashLoop(input: DiagnoseInput, waiting: boolean): Draft {
  const { facts } = input;
  const counted = input.restartsInWindow >= CRASH_LOOP_RESTARTS;
  const restarts = counted ? input.restartsInWindow : facts.restartCount;
  const backoffMs = restartBackoffMs(facts);
  const nextRestartAt = waiting && facts.finishedAt !== null ? facts.finishedAt + backoffMs : null;
  const window = counted ? ` in ${Math.round(CRASH_LOOP_WINDOW_MS / 60_000)} min` : '';
  const why = facts.oomKilled ? 'it runs out of memory' : `it keeps failing (${lastExit(facts)})`;
  const wait = nextRestartAt !== null ? ` Next try in about ${seconds(nextRestartAt - input.now)}.` : '';
  return {
    severity: 'warning',
    reason: 'crash-loop',
    label: `crash loop · ${restarts} restarts · last ${lastExit(facts)}`,
    sentence: `Crash loop: restarted ${restarts} times${window} because ${why}; Docker waits longer before each try (now ${seconds(backoffMs)}, up to 1 min).${wait}`,
    fix: facts.oomKilled
      ? 'Raise its memory limit (mem_limit) or make it use less memory; its last log lines show how far it got.'
      : 'Read its last log lines for the error; fix it, then restart the service.',
    crashLoop: { restarts, windowMs: counted ? CRASH_LOOP_WINDOW_MS : null, backoffMs, nextRestartAt },
  };
}

function seconds(ms: number): string {
  const value = Math.max(0, ms) / 1000;
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`;
}

function restarting(input: DiagnoseInput): Draft {
  const { facts } = input;
  if (facts.restartCount >= CRASH_LOOP_RESTARTS || input.restartsInWindow >= CRASH_LOOP_RESTARTS) {
    return crashLoop(input, true);
  }
  return {
    severity: 'warning',
    reason: 'restarting',
    label: `restarting · last ${lastExit(facts)}`,
    sentence: `Restarting after it exited (${lastExit(facts)}${facts.exitCode !== null ? `: ${exitMeaning(facts.exitCode).meaning}` : ''}).`,
    fix: null,
  };
}

function running(input: DiagnoseInput): Draft {
  const { facts } = input;
  const restartedAfterFailure =
    facts.finishedAt !== null && facts.startedAt !== null && facts.startedAt > facts.finishedAt;
  const recent = facts.startedAt !== null && input.now - facts.startedAt < 60_000;
  if (
    input.restartsInWindow >= CRASH_LOOP_RESTARTS ||
    (facts.restartCount >= CRASH_LOOP_RESTARTS && recent && restartedAfterFailure)
  ) {
    return crashLoop(input, false);
  }
  const restarted = facts.restartCount > 0 ? ` It was restarted ${facts.restartCount} times.` : '';
  const health = facts.health;
  if (health?.status === 'unhealthy') {
    const output = health.log[health.log.length - 1]?.output || '(no output)';
    return {
      severity: 'failed',
      reason: 'unhealthy',
      label: `running · unhealthy: ${firstLine(output)}`,
      sentence: `Unhealthy: its healthcheck failed ${health.failingStreak} times in a row; last output: ${output}`,
      fix: 'The healthcheck output says what it is waiting for; fix that, or the `healthcheck:` of the service.',
    };
  }
  if (health?.status === 'starting') {
    return {
      severity: 'ok',
      reason: 'starting',
      label: 'running · health: starting',
      sentence: `Running; its healthcheck has not passed yet.${restarted}`,
      fix: null,
    };
  }
  return {
    severity: 'ok',
    reason: 'running',
    label: health?.status === 'healthy' ? 'running · healthy' : 'running',
    sentence: `Running${health?.status === 'healthy' ? ' and healthy' : ''}.${restarted}`,
    fix: null,
  };
}

function created(input: DiagnoseInput): Draft {
  const { facts } = input;
  if (!facts.error) {
    return {
      severity: 'completed',
      reason: 'created',
      label: 'created',
      sentence: 'Created, never started.',
      fix: null,
    };
  }
  const text = explainEngineError(facts.error, {
    ...(facts.service ? { service: facts.service } : {}),
    ...(facts.composeFile ? { composeFile: facts.composeFile } : {}),
    portHolder: input.portHolder ?? null,
  });
  return {
    severity: 'failed',
    reason: 'start-failed',
    label: `created · start failed: ${text.kind === 'port-in-use' ? `port ${text.port?.port} in use` : firstLine(text.message)}`,
    sentence: `It could not start: ${text.message}`,
    fix: text.fix,
    engineError: { message: text.message, fix: text.fix, details: text.details },
  };
}

function exited(input: DiagnoseInput): Draft {
  const { facts } = input;
  const code = facts.exitCode ?? 0;
  const head = `exited (${code})`;
  if (facts.oomKilled) return oomKilled(facts, head);
  if (facts.error && facts.startedAt === null) return created(input);
  const meaning = exitMeaning(code);
  const signals = input.killSignals;
  const stopRequested = signals.includes('15');
  if (code === 0) {
    return {
      severity: 'completed',
      reason: 'completed',
      label: `${head} · completed`,
      sentence: 'Finished successfully.',
      fix: null,
    };
  }
  if (stopRequested || code === 143 || code === 130) {
    const timedOut = code === 137 && signals.includes('9');
    return {
      severity: 'completed',
      reason: 'stopped',
      label: `${head} · stopped`,
      sentence: timedOut
        ? 'Stopped: it ignored the stop signal (SIGTERM), so Docker killed it after the stop timeout.'
        : `Stopped (${meaning.meaning}).`,
      fix: timedOut
        ? 'To stop it cleanly, let its main process handle SIGTERM (or use `init: true`), or raise stop_grace_period.'
        : null,
    };
  }
  if (code === 137) {
    const killed = signals.includes('9');
    return {
      severity: 'warning',
      reason: 'killed',
      label: `${head} · killed`,
      sentence: killed
        ? 'Killed with SIGKILL (docker kill).'
        : 'Killed with SIGKILL: by docker kill, by a stop that timed out, or because the host ran out of memory (not its own memory limit).',
      fix: 'If nobody killed it on purpose, check the host’s memory (dmesg shows the kernel’s OOM killer).',
    };
  }
  if (meaning.signal) {
    return {
      severity: 'failed',
      reason: 'signal',
      label: `${head} · ${shortMeaning(meaning.meaning)}`,
      sentence: `Ended by a signal: ${meaning.meaning}.`,
      fix:
        code === 135
          ? 'Raise shm_size of the service (PyTorch DataLoader workers share memory through /dev/shm).'
          : 'Its last log lines show where it stopped.',
    };
  }
  return {
    severity: 'failed',
    reason: 'error-exit',
    label: `${head} · ${code === 1 ? 'error' : shortMeaning(meaning.meaning)}`,
    sentence: `It exited with code ${code}: ${meaning.meaning}.`,
    fix:
      code === 127
        ? 'Check `command:`/`entrypoint:` of the service: the program is not in the image.'
        : 'Its last log lines show the error.',
  };
}

function oomKilled(facts: InspectFacts, head: string): Draft {
  const limit = facts.memoryLimitBytes;
  return {
    severity: 'failed',
    reason: 'oom-killed',
    label: `${head} · OOM-killed`,
    sentence:
      limit !== null
        ? `OOM-killed at ${formatMemory(limit)} limit: it needed more memory than the service may use.`
        : 'OOM-killed: the kernel killed it when memory ran out.',
    fix:
      limit !== null
        ? 'Raise its memory limit (mem_limit or deploy.resources.limits.memory), or make it use less (smaller batches, fewer workers).'
        : 'Free memory on the host, or give it a memory limit so it fails alone instead of starving the machine.',
  };
}

function shortMeaning(meaning: string): string {
  return meaning.replace(/\s*\(.*\)$/, '');
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
