import {
  StatsStreamInputSchema,
  StatsStreamUpdateSchema,
  type ContainerStats,
  type StatsMessage,
  type StatsSelection,
  type StatsStreamRequest,
  type StatsTarget,
} from '@shared/schemas/stats';
import { COMPOSE_LABELS } from '../compose/labels';
import type { EngineWatch } from '../docker/engine-watch';
import { CoalesceByKey } from '../streams/coalesce-by-key';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import type { GpuFiguresReader } from './gpu-figures';
import { rollUpStats, type GpuByService } from './stats-rollup';
import type { StatsSampler, StatsWatcher } from './stats-sampler';
import { affectsTargets, isEmptySelection, resolveTargets } from './stats-targets';

export interface StatsSourceDeps {
  engine: EngineWatch;
  /** Shared by every stats stream of the process, so two views of one container cost one request per round. */
  sampler: StatsSampler;
  /** GPU figures per service; absent: none are reported. */
  gpu?: GpuFiguresReader;
  /** Least time between two GPU readings (each runs nvidia-smi). */
  gpuIntervalMs?: number;
  /** Wait after an engine event before listing the targets again, so a burst (compose up) lists once. */
  settleMs?: number;
}

type SampleItem = { sample: ContainerStats };

/**
 * The `stats` stream: readings of the running containers the consumer says it can see (`selection`, changed later
 * by sending `{type: 'select', selection}`), in one `samples` batch per round with sums per service and project.
 * Nothing is read while the selection is empty. While flow control has the stream paused, only the latest reading
 * per container is held (coalesce by container) and goes out as one batch on resume.
 */
export function createStatsSource(deps: StatsSourceDeps, request: StatsStreamRequest): StreamSource<StatsMessage> {
  const input = StatsStreamInputSchema.parse(request);
  let selection: StatsSelection = input.selection;
  let sink: StreamSink<StatsMessage> | null = null;
  let watcher: StatsWatcher | null = null;
  /** Null until the first listing is announced (even an empty one: the consumer then knows there is nothing). */
  let targets: StatsTarget[] | null = null;
  const latest = new Map<string, ContainerStats>();
  const historySent = new Set<string>();
  let gpu: GpuByService = new Map();
  let gpuReadAt = 0;
  let gpuReading = false;
  let refreshTimer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> = Promise.resolve();
  let disposed = false;
  const unsubscribers: Array<() => void> = [];

  let batch: ContainerStats[] = [];
  const buffer = new CoalesceByKey<SampleItem>(
    (item) => batch.push(item.sample),
    (item) => item.sample.id,
  );
  const flush = () => {
    if (batch.length === 0 || !sink) return;
    const samples = batch;
    batch = [];
    sink.emit({ type: 'samples', samples, ...rollUpStats(targets ?? [], latest, gpu) });
  };

  const onSamples = (samples: ContainerStats[]) => {
    for (const sample of samples) {
      latest.set(sample.id, sample);
      buffer.push({ sample });
    }
    flush();
    readGpuWhenDue();
  };

  const readGpuWhenDue = () => {
    const interval = deps.gpuIntervalMs ?? 5_000;
    if (!deps.gpu || !targets?.length || gpuReading || Date.now() - gpuReadAt < interval) return;
    gpuReading = true;
    gpuReadAt = Date.now();
    const refs = targets.map((target) => ({
      id: target.id,
      name: target.name,
      labels: target.project && target.service ? composeLabels(target.project, target.service) : {},
    }));
    deps
      .gpu(refs)
      .then((figures) => (gpu = figures))
      .catch(() => (gpu = new Map()))
      .finally(() => (gpuReading = false));
  };

  const refreshTargets = () => {
    refreshing = refreshing.then(async () => {
      if (disposed || !sink) return;
      let found: StatsTarget[] = [];
      if (!isEmptySelection(selection)) {
        try {
          found = await resolveTargets(deps.engine.getDocker(), selection);
        } catch {
          return; // The engine is away; a reconnect lists again.
        }
      }
      if (disposed) return;
      const before = targets;
      const changed = !before || found.length !== before.length || found.some((t, i) => !sameTarget(t, before[i]));
      targets = found;
      const ids = new Set(found.map((target) => target.id));
      for (const id of latest.keys()) if (!ids.has(id)) latest.delete(id);
      if (changed) sink.emit({ type: 'targets', targets: found });
      sendHistory(found);
      watcher?.setContainers(ids);
    });
  };

  const sendHistory = (found: StatsTarget[]) => {
    if (!input.history || !sink) return;
    const fresh = found.filter((target) => !historySent.has(target.id));
    const samples = fresh.flatMap((target) => deps.sampler.history(target.id));
    for (const target of fresh) historySent.add(target.id);
    if (samples.length > 0) sink.emit({ type: 'history', samples });
  };

  const refreshSoon = () => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refreshTargets();
    }, deps.settleMs ?? 250);
  };

  return {
    start(streamSink) {
      sink = streamSink;
      watcher = deps.sampler.watch(onSamples);
      unsubscribers.push(
        deps.engine.onEvent((event) => {
          if (event.type === 'container' && event.action === 'destroy') historySent.delete(event.id);
          const known = new Set((targets ?? []).map((target) => target.id));
          if (affectsTargets(selection, event, known)) refreshSoon();
        }),
        deps.engine.onStateChange((state) => {
          if (state.status === 'connected') refreshTargets();
        }),
      );
      refreshTargets();
    },
    receive(data) {
      const update = StatsStreamUpdateSchema.safeParse(data);
      if (!update.success) {
        sink?.emit({ type: 'notice', level: 'warning', text: 'Ignored a stats update that was not a selection.' });
        return;
      }
      selection = update.data.selection;
      refreshTargets();
    },
    pause: () => buffer.pause(),
    resume() {
      buffer.resume();
      flush();
    },
    dispose() {
      disposed = true;
      sink = null;
      if (refreshTimer) clearTimeout(refreshTimer);
      watcher?.close();
      watcher = null;
      buffer.clear();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
    },
  };
}

function sameTarget(a: StatsTarget, b: StatsTarget | undefined): boolean {
  return !!b && a.id === b.id && a.name === b.name && a.project === b.project && a.service === b.service;
}

function composeLabels(project: string, service: string): Record<string, string> {
  return { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.service]: service };
}
