import { allowedExternalUrl } from '../security/external-urls';
import type { BerthServices } from '../services/create-services';
import { openPublishedPort } from '../services/remote/open-port';
import { portLinkRoute } from '../services/remote/port-links';
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
        const scope = services.scopes.current();
        const route = await openPublishedPort(services.connection.getDocker(), scope, input);
        // A tunnel is on 127.0.0.1; a remote tcp engine's direct link may go to that engine's host, nowhere else.
        const engineRoute = scope.endpoint ? portLinkRoute(scope.endpoint) : null;
        const publishedOn = engineRoute?.kind === 'direct' ? engineRoute.host : undefined;
        const allowed = allowedExternalUrl(route.url, { publishedOn });
        if (allowed !== null) await desktop.openExternal(allowed);
        return { ...route, opened: allowed !== null };
      },
    },
    streams: {},
  };
}
