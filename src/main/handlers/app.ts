import { allowedExternalUrl } from '../security/external-urls';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function appHandlers(desktop: Desktop): HandlerGroup<OperationsOf<'app'>> {
  return {
    operations: {
      'app.openExternal': async ({ url }) => {
        const allowed = allowedExternalUrl(url);
        if (allowed === null) return { opened: false };
        await desktop.openExternal(allowed);
        return { opened: true };
      },
    },
    streams: {},
  };
}
