import type { BerthServices } from '../services/create-services';
import { createEventsSource } from '../services/events/events-source';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function engineHandlers(services: BerthServices): HandlerGroup<OperationsOf<'engine'>, 'events'> {
  return {
    operations: { 'engine.state': () => services.connection.getState() },
    streams: { events: () => createEventsSource(services.connection) },
  };
}
