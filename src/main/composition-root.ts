/**
 * The composition root: Berth's services, turned into the contract's handlers for one desktop. Electron main and
 * the test bridge both start here; only the Desktop differs.
 */
import type { Desktop } from './handlers/desktop';
import { createHandlers, type Handlers } from './handlers/create-handlers';
import { createServices, type BerthServices, type ServicesOptions } from './services/create-services';

export interface Berth extends Handlers {
  services: BerthServices;
  /** Connects to the engine; resolves after the first attempt, connected or not. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createBerth(options: ServicesOptions & { desktop: Desktop }): Berth {
  const services = createServices(options);
  return { ...createHandlers(services, options.desktop), services, start: services.start, dispose: services.dispose };
}
