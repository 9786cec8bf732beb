/**
 * The live cluster view: nodes, stacks, services and tasks, sent whole per section whenever the engine says
 * something changed. Swarm emits events for services and nodes, and this engine for the containers of its own tasks;
 * it emits none for tasks elsewhere. So while the cluster is converging (tasks starting, services short of their
 * replicas) the tasks are read again every few seconds, and on a multi-node swarm a slow re-read catches tasks
 * that fail on other nodes; a settled one-node swarm is followed by events alone.
 */
import type { EngineEvent } from '@shared/schemas/engine';
import type { EngineWatch } from '../docker/engine-watch';
import { CoalesceByKey } from '../streams/coalesce-by-key';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import {
  listClusterNodes,
  listStacks,
  listStackServices,
  listStackTasks,
  type ClusterNode,
  type StackService,
  type StackSummary,
  type StackTask,
} from './cluster-queries';
import { STACK_NAMESPACE_LABEL, SWARM_TASK_LABELS } from './stack-labels';

export type ClusterViewMessage =
  | { type: 'nodes'; nodes: ClusterNode[] }
  | { type: 'services'; stacks: StackSummary[]; services: StackService[] }
  | { type: 'tasks'; tasks: StackTask[] }
  /** The engine is not a swarm manager, or can't be reached; the view waits for it. */
  | { type: 'unavailable'; reason: string; fix?: string };

type Section = 'nodes' | 'services' | 'tasks';

export interface ClusterViewOptions {
  /** Only this stack's services and tasks (nodes are always all). */
  stack?: string;
  /** Re-read while converging; default 2 s. */
  convergingRefreshMs?: number;
  /** Re-read a settled multi-node swarm; default 15 s. */
  multiNodeRefreshMs?: number;
  /** Wait after an event before reading, so a burst of events is one read. */
  debounceMs?: number;
}

const TRANSITIONAL_STATES = new Set(['new', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting']);

export function createClusterViewSource(
  engine: EngineWatch,
  options: ClusterViewOptions = {},
): StreamSource<ClusterViewMessage> {
  let sink: StreamSink<ClusterViewMessage> | null = null;
  const pending = new CoalesceByKey<ClusterViewMessage>(
    (message) => sink?.emit(message),
    (message) => message.type,
  );
  const dirty = new Set<Section>();
  const unsubscribers: Array<() => void> = [];
  let debounce: NodeJS.Timeout | null = null;
  let refresh: NodeJS.Timeout | null = null;
  let reading = false;
  let disposed = false;
  let nodeCount = 1;
  let converging = true;

  const mark = (...sections: Section[]) => {
    for (const section of sections) dirty.add(section);
    if (debounce || disposed) return;
    debounce = setTimeout(() => {
      debounce = null;
      void read();
    }, options.debounceMs ?? 50);
  };

  const read = async () => {
    if (reading) return;
    reading = true;
    try {
      while (dirty.size && !disposed) {
        const sections = [...dirty];
        dirty.clear();
        await readSections(sections);
      }
    } finally {
      reading = false;
      scheduleRefresh();
    }
  };

  const readSections = async (sections: Section[]) => {
    try {
      const docker = engine.getDocker();
      const [nodes, services, tasks] = await Promise.all([
        sections.includes('nodes') ? listClusterNodes(docker) : undefined,
        sections.includes('services')
          ? Promise.all([listStacks(docker), listStackServices(docker, options.stack).catch(() => [])])
          : undefined,
        sections.includes('tasks') ? listStackTasks(docker, { stack: options.stack }).catch(() => []) : undefined,
      ]);
      if (disposed) return;
      if (nodes) {
        nodeCount = nodes.length;
        pending.push({ type: 'nodes', nodes });
      }
      if (services) {
        pending.push({ type: 'services', stacks: services[0], services: services[1] });
        converging = services[1].some(
          (service) => service.running < service.desired || service.updateState === 'updating',
        );
      }
      if (tasks) {
        pending.push({ type: 'tasks', tasks });
        converging ||= tasks.some((task) => task.desiredState === 'running' && TRANSITIONAL_STATES.has(task.state));
      }
    } catch (error) {
      if (disposed) return;
      const payload = error as { message?: string; fix?: string };
      pending.push({ type: 'unavailable', reason: payload.message ?? String(error), fix: payload.fix });
    }
  };

  const scheduleRefresh = () => {
    if (refresh) clearTimeout(refresh);
    refresh = null;
    if (disposed) return;
    const delay = converging
      ? (options.convergingRefreshMs ?? 2_000)
      : nodeCount > 1
        ? (options.multiNodeRefreshMs ?? 15_000)
        : null;
    if (delay === null) return;
    refresh = setTimeout(() => mark('services', 'tasks'), delay);
  };

  const onEvent = (event: EngineEvent) => {
    if (event.type === 'node') mark('nodes', 'tasks');
    else if (event.type === 'service') mark('services', 'tasks');
    else if (event.type === 'container' && !event.action.startsWith('exec_') && isTaskContainer(event, options.stack))
      mark('services', 'tasks');
  };

  return {
    start(streamSink) {
      sink = streamSink;
      unsubscribers.push(
        engine.onEvent(onEvent),
        engine.onStateChange((state) => {
          if (state.status === 'connected') mark('nodes', 'services', 'tasks');
        }),
      );
      mark('nodes', 'services', 'tasks');
    },
    pause: () => pending.pause(),
    resume: () => pending.resume(),
    dispose() {
      disposed = true;
      sink = null;
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      if (debounce) clearTimeout(debounce);
      if (refresh) clearTimeout(refresh);
      pending.clear();
    },
  };
}

function isTaskContainer(event: EngineEvent, stack: string | undefined): boolean {
  const labels = event.attributes;
  if (!labels[SWARM_TASK_LABELS.taskId]) return false;
  return stack === undefined || labels[STACK_NAMESPACE_LABEL] === stack;
}
