import type { EventsMessage } from '../../../shared/schemas/events';
import type { EngineEvent } from '../../../shared/schemas/engine';
import type { StreamSource } from '../streams/stream-source';
import { findContainer } from '../containers/containers-service';
import type { EngineWatch } from './engine-watch';
import { PausedBuffer } from './paused-buffer';

/**
 * The `events` stream: the connection state, then every container as it changes. Lookups for the
 * same container are chained so a slow inspect can't deliver an older state after a newer one.
 */
export function createEventsSource(engine: EngineWatch): StreamSource<EventsMessage> {
  const unsubscribers: Array<() => void> = [];
  const lookups = new Map<string, Promise<void>>();
  let disposed = false;
  let buffer: PausedBuffer<EventsMessage> | undefined;

  const refreshContainer = (id: string) => {
    const previous = lookups.get(id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        if (disposed) return;
        const container = await findContainer(engine.getDocker(), id).catch(() => undefined);
        if (container !== undefined && !disposed) buffer?.push({ type: 'container', id, container });
      })
      .finally(() => {
        if (lookups.get(id) === next) lookups.delete(id);
      });
    lookups.set(id, next);
  };

  const onEngineEvent = (event: EngineEvent) => {
    buffer?.push({ type: 'event', event });
    if (event.type === 'container' && event.id) refreshContainer(event.id);
  };

  return {
    start(sink) {
      buffer = new PausedBuffer(sink.emit, (dropped) => sink.emit({ type: 'resync', dropped }));
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
