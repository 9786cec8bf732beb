import type { ErrorPayload } from '@shared/errors';
import type { ComposeProgressEvent, LayerProgress } from '@shared/schemas/compose-progress';
import type { ComposeAction } from '@shared/schemas/projects';
import { isBuildEvent, withBuildEvent, type BuildTimeline } from './build-timeline';

export interface ServiceProgress {
  /** The last step reported: pulling, creating, healthy, error… */
  phase: ComposeProgressEvent['kind'];
  percent: number | null;
  layers: LayerProgress[];
  error: string | null;
}

export interface OperationState {
  action: ComposeAction;
  services: string[];
  status: 'running' | 'done' | 'failed' | 'cancelled';
  error: ErrorPayload | null;
  progress: Record<string, ServiceProgress>;
  warnings: string[];
  /** The builds this operation ran, by service: steps, timings, output. */
  builds: Record<string, BuildTimeline>;
}

export function startedOperation(action: ComposeAction, services: string[]): OperationState {
  return { action, services, status: 'running', error: null, progress: {}, warnings: [], builds: {} };
}

/** A build's steps, output and warnings go to its timeline; the card only needs to know it is building. */
const BUILD_DETAIL = new Set<ComposeProgressEvent['kind']>(['build-step', 'build-output', 'build-warning']);

/** Folds one progress event into the operation's state (pure, for the store and its tests). */
export function withProgress(state: OperationState, event: ComposeProgressEvent): OperationState {
  if (event.kind === 'warning') return { ...state, warnings: [...state.warnings, event.message] };
  if (event.kind === 'resource') return state;
  const builds = isBuildEvent(event)
    ? { ...state.builds, [event.service]: withBuildEvent(state.builds[event.service], event) }
    : state.builds;
  const previous = state.progress[event.service];
  const next: ServiceProgress = {
    phase: BUILD_DETAIL.has(event.kind) ? 'building' : event.kind,
    percent: event.kind === 'pulling' ? event.percent : event.kind === 'pulled' ? 100 : (previous?.percent ?? null),
    layers: event.kind === 'pulling' ? event.layers : (previous?.layers ?? []),
    error: event.kind === 'error' ? event.message : (previous?.error ?? null),
  };
  return { ...state, builds, progress: { ...state.progress, [event.service]: next } };
}

export function finished(state: OperationState, error?: ErrorPayload): OperationState {
  if (!error) return { ...state, status: 'done' };
  return { ...state, status: error.code === 'E_CANCELLED' ? 'cancelled' : 'failed', error };
}

/** The error a service card shows: its own failure, or the operation's when the operation was about it alone. */
export function serviceError(state: OperationState | undefined, service: string): ErrorPayload | null {
  if (!state || state.status !== 'failed' || !state.error) return null;
  const own = state.progress[service]?.error;
  if (own) return { ...state.error, message: own };
  const failedServices = Object.entries(state.progress).filter(([, progress]) => progress.error);
  if (failedServices.length === 0 && state.services.length === 1 && state.services[0] === service) return state.error;
  return null;
}

/** Every service a failed operation blames, with the error its card shows. */
export function serviceErrors(state: OperationState): Record<string, ErrorPayload> {
  const services = new Set([...Object.keys(state.progress), ...state.services]);
  const errors: Record<string, ErrorPayload> = {};
  for (const service of services) {
    const error = serviceError(state, service);
    if (error) errors[service] = error;
  }
  return errors;
}

/** True when the operation failed on something no single card can show (the banner shows it instead). */
export function hasProjectError(state: OperationState): boolean {
  return state.status === 'failed' && state.error !== null && Object.keys(serviceErrors(state)).length === 0;
}

/** Services this operation brought up: an earlier error on their cards is resolved. */
export function recoveredServices(state: OperationState): string[] {
  return Object.entries(state.progress)
    .filter(([, progress]) => progress.phase === 'running' || progress.phase === 'healthy')
    .map(([service]) => service);
}

/** Whether a running operation touches any of `services` (an operation on the whole project touches all). */
export function operationTouches(state: OperationState | undefined, services: readonly string[]): boolean {
  if (!state || state.status !== 'running') return false;
  return state.services.length === 0 || state.services.some((service) => services.includes(service));
}
