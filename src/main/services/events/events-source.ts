import type { ContainerSummary } from '@shared/schemas/containers';
import type { EventsMessage } from '@shared/schemas/events';
import type { EngineEvent } from '@shared/schemas/engine';
import type { StreamSource } from '../streams/stream-source';
import { findContainer } from '../containers/containers-service';
import type { EngineWatch } from '../docker/engine-watch';
import { DropAndResyncBuffer } from '../streams/drop-and-resync-buffer';

/**
 * The `events` stream: the connection state, then every container as it changes. Lookups for the
 * same container are chained so a slow inspect can't deliver an older state after a newer one.
 */
export function createEventsSource(engine: EngineWatch): StreamSource<EventsMessage> {
  const unsubscribers: Array<() => void> = [];
  const lookups = new Map<string, Promise<void>>();
  let disposed = false;
  let buffer: DropAndResyncBuffer<EventsMessage> | undefined;

  const refreshContainer = (id: string, event: EngineEvent) => {
    const previous = lookups.get(id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        if (disposed) return;
        // The engine may be gone by now (getDocker throws then): the reconnect resyncs everything anyway.
        const found = await Promise.resolve()
          .then(() => findContainer(engine.getDocker(), id))
          .catch(() => undefined);
        const container = found && event.action === 'die' ? afterDie(found, event) : found;
        if (container !== undefined && !disposed) buffer?.push({ type: 'container', id, container });
      })
      .finally(() => {
        if (lookups.get(id) === next) lookups.delete(id);
      });
    lookups.set(id, next);
  };

  const onEngineEvent = (event: EngineEvent) => {
    if (event.type === 'container' && event.id) refreshContainer(event.id, event);
    else if (event.type === 'volume' && (event.action === 'create' || event.action === 'destroy')) {
      buffer?.push({ type: 'volume', name: event.id, action: event.action });
    }
  };

  return {
    start(sink) {
      buffer = new DropAndResyncBuffer(sink.emit, (dropped) => sink.emit({ type: 'resync', dropped }));
      sink.emit({ type: 'state', state: engine.getState() });
      unsubscribers.push(
        engine.onStateChange((state) => buffer?.push({ type: 'state', state })),
        engine.onEvent(onEngineEvent),
      );
    },
    pause: () => buffer?.pause(),
    resume: () => buffer?.resume(),
    dispose() {
      disposed = true;
      buffer?.clear();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
    },
  };
}

/**
 * The engine's container list can still say "running" just after a `die` event (it is a snapshot updated apart
 * from the event); a container that exits at once would then stay "running" until its next event. The event
 * is the authority: a restart sends a `start` event, which is looked up after this one.
 */
function afterDie(container: ContainerSummary, event: EngineEvent): ContainerSummary {
  if (container.state !== 'running') return container;
  const exitCode = event.attributes.exitCode ?? '?';
  return { ...container, state: 'exited', health: null, status: `Exited (${exitCode})` };
}
