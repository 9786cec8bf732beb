import type { BerthServices } from '../services/create-services';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function enginesHandlers(services: BerthServices, _desktop: Desktop): HandlerGroup<OperationsOf<'engines'>> {
  const engines = services.engines;
  return {
    operations: {
      'engines.list': () => engines.list(),
      'engines.add': (input) => engines.add(input),
      'engines.test': (input) => engines.test(input),
      'engines.acceptHostKey': (input) => engines.acceptHostKey(input),
      'engines.switch': ({ name }) => engines.switchTo(name),
      'engines.remove': ({ name }) => engines.remove(name),
    },
    streams: {},
  };
}
