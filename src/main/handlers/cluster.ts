import type { BerthServices } from '../services/create-services';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function clusterHandlers(_services: BerthServices, _desktop: Desktop): HandlerGroup<OperationsOf<'cluster'>> {
  return { operations: {}, streams: {} };
}
