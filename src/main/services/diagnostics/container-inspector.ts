/**
 * Inspects containers for their diagnosis, as little as it can: a container is inspected when an engine event
 * concerns it (`inspectFresh`) or when a list shows it in a state not inspected yet (`inspectForList`); otherwise
 * the cached inspect is diagnosed again (cheap, and time-dependent parts like "next try in 3 s" stay current).
 * The last log lines are read only for failed containers, once per exit.
 */
import type Docker from 'dockerode';
import type { ContainerSummary, Diagnosis } from '@shared/schemas/containers';
import type { EngineEvent } from '@shared/schemas/engine';
import { diagnose, factsFromInspect, type InspectFacts } from './diagnose';
import { explainEngineError } from './engine-error-text';
import { lastLogLines } from './last-log-lines';
import { findPortHolder } from './port-holder';
import { RunHistory } from './run-history';

export interface Inspected {
  facts: InspectFacts;
  diagnosis: Diagnosis;
}

interface CacheEntry {
  /** What the list showed when this was inspected; a different list state means inspect again. */
  listKey: string | null;
  facts: InspectFacts;
  tty: boolean;
  /** Last log lines, read for this exit (`finishedAt`). */
  logs: { finishedAt: number | null; lines: string[] } | null;
  /** For a start that failed on a port: the container holding it (null: not a container), looked up once. */
  portHolder?: string | null;
}

/** Containers whose inspects are kept; past that the oldest go (they are inspected again when asked). */
const MAX_CACHED = 2_000;

export class ContainerInspector {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly docker: Docker,
    readonly history: RunHistory = new RunHistory(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an engine event (die, start, kill, oom, destroy) for crash-loop and stop detection. */
  recordEvent(event: EngineEvent): void {
    this.history.recordEvent(event);
    if (event.type === 'container' && event.action === 'destroy') this.cache.delete(event.id);
  }

  /**
   * Inspects now, unless the event is one that changes nothing inspect shows (a healthcheck's exec) and the
   * container was inspected before. Null when the container no longer exists.
   */
  async inspectFresh(id: string, event?: EngineEvent): Promise<Inspected | null> {
    if (event) this.recordEvent(event);
    const cached = this.cache.get(id);
    if (cached && event?.action.startsWith('exec_')) return this.diagnosed(id, cached);
    return this.load(id, cached?.listKey ?? null);
  }

  /** For a list entry: the cached inspect while the list shows the same state, else a fresh one. */
  async inspectForList(entry: Docker.ContainerInfo): Promise<Inspected | null> {
    const key = listKey(entry);
    const cached = this.cache.get(entry.Id);
    if (cached && cached.listKey === key) return this.diagnosed(entry.Id, cached);
    return this.load(entry.Id, key);
  }

  private async load(id: string, listKeyValue: string | null): Promise<Inspected | null> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(id).inspect();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) {
        this.cache.delete(id);
        return null;
      }
      throw error;
    }
    const facts = factsFromInspect(info);
    this.history.recordInspect(info.Id, facts.restartCount);
    const previous = this.cache.get(info.Id);
    const entry: CacheEntry = {
      listKey: listKeyValue,
      facts,
      tty: Boolean(info.Config?.Tty),
      logs: previous?.logs?.finishedAt === facts.finishedAt ? previous.logs : null,
      ...(previous?.facts.error === facts.error && previous.portHolder !== undefined
        ? { portHolder: previous.portHolder }
        : {}),
    };
    this.remember(info.Id, entry);
    return this.diagnosed(info.Id, entry);
  }

  private async diagnosed(id: string, entry: CacheEntry): Promise<Inspected> {
    const input = {
      facts: entry.facts,
      restartsInWindow: this.history.restartsWithin(id),
      killSignals: entry.facts.finishedAt === null ? [] : this.history.killsBeforeExit(id, entry.facts.finishedAt),
      lastLogLines: entry.logs?.lines ?? [],
      portHolder: await this.portHolder(entry),
      now: this.now(),
    };
    let diagnosis = diagnose(input);
    const wantsLogs = diagnosis.severity === 'failed' || diagnosis.reason === 'crash-loop';
    if (wantsLogs && diagnosis.reason !== 'unhealthy' && diagnosis.reason !== 'start-failed' && !entry.logs) {
      const lines = await lastLogLines(this.docker, id, entry.tty).catch(() => []);
      entry.logs = { finishedAt: entry.facts.finishedAt, lines };
      diagnosis = diagnose({ ...input, lastLogLines: lines });
    }
    return { facts: entry.facts, diagnosis };
  }

  private async portHolder(entry: CacheEntry): Promise<string | null> {
    if (entry.portHolder !== undefined || !entry.facts.error) return entry.portHolder ?? null;
    const port = explainEngineError(entry.facts.error).port;
    entry.portHolder = port
      ? await findPortHolder(this.docker, port.hostIp, port.port, port.protocol).catch(() => null)
      : null;
    return entry.portHolder;
  }

  private remember(id: string, entry: CacheEntry): void {
    this.cache.delete(id);
    this.cache.set(id, entry);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.history.prune();
  }
}

/** The list's view of a container's state, durations left out (`Up 3 minutes` → `running|null|null`). */
function listKey(entry: Docker.ContainerInfo): string {
  const status = entry.Status ?? '';
  const code = /\((-?\d+)\)/.exec(status)?.[1] ?? '';
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1] ?? '';
  return `${entry.State}|${code}|${health}`;
}

/** The summary with what inspect knows: state, health, run times, exit code, OOM, restarts and the diagnosis. */
export function withInspect(summary: ContainerSummary, inspected: Inspected | null): ContainerSummary {
  if (!inspected) return { ...summary, diagnosis: null };
  const { facts, diagnosis } = inspected;
  const state = facts.restarting ? 'restarting' : summary.state === 'removing' ? 'removing' : facts.status;
  return {
    ...summary,
    state: isState(state) ? state : summary.state,
    health: facts.health?.status ?? (facts.running ? summary.health : null),
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
    exitCode: facts.exitCode,
    oomKilled: facts.oomKilled,
    restartCount: facts.restartCount,
    diagnosis,
  };
}

const STATES = new Set(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
function isState(value: string): value is ContainerSummary['state'] {
  return STATES.has(value);
}

const inspectors = new WeakMap<Docker, ContainerInspector>();

/** One inspector (cache and run history) per engine client. */
export function inspectorFor(docker: Docker): ContainerInspector {
  let inspector = inspectors.get(docker);
  if (!inspector) {
    inspector = new ContainerInspector(docker);
    inspectors.set(docker, inspector);
  }
  return inspector;
}
