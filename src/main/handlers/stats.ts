import type { BerthServices } from '../services/create-services';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function statsHandlers(_services: BerthServices, _desktop: Desktop): HandlerGroup<OperationsOf<'stats'>> {
  return { operations: {}, streams: {} };
}
