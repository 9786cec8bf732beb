import { allowedExternalUrl } from '../security/external-urls';
import type { BerthServices } from '../services/create-services';
import { openPublishedPort } from '../services/remote/open-port';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function enginesHandlers(services: BerthServices, desktop: Desktop): HandlerGroup<OperationsOf<'engines'>> {
  const engines = services.engines;
  return {
    operations: {
      'engines.list': () => engines.list(),
      'engines.add': (input) => engines.add(input),
      'engines.test': (input) => engines.test(input),
      'engines.acceptHostKey': (input) => engines.acceptHostKey(input),
      'engines.switch': ({ name }) => engines.switchTo(name),
      'engines.remove': ({ name }) => engines.remove(name),
      'engines.openPort': async (input) => {
        const route = await openPublishedPort(services.connection.getDocker(), services.scopes.current(), input);
        // A tunnel is on 127.0.0.1; a direct link is on this machine or where main found the port published.
        const publishedOn = route.via === 'direct' ? new URL(route.url).hostname : undefined;
        const allowed = allowedExternalUrl(route.url, { publishedOn });
        if (allowed !== null) await desktop.openExternal(allowed);
        return { ...route, opened: allowed !== null };
      },
    },
    streams: {},
  };
}
