import type { ErrorPayload } from '@shared/errors';
import type { ComposeProgressEvent, LayerProgress } from '@shared/schemas/compose-progress';
import type { ComposeAction } from '@shared/schemas/projects';

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
}

export function startedOperation(action: ComposeAction, services: string[]): OperationState {
  return { action, services, status: 'running', error: null, progress: {}, warnings: [] };
}

/** Folds one progress event into the operation's state (pure, for the store and its tests). */
export function withProgress(state: OperationState, event: ComposeProgressEvent): OperationState {
  if (event.kind === 'warning') return { ...state, warnings: [...state.warnings, event.message] };
  if (event.kind === 'resource') return state;
  const previous = state.progress[event.service];
  const next: ServiceProgress = {
    phase: event.kind,
    percent: event.kind === 'pulling' ? event.percent : event.kind === 'pulled' ? 100 : (previous?.percent ?? null),
    layers: event.kind === 'pulling' ? event.layers : (previous?.layers ?? []),
    error: event.kind === 'error' ? event.message : (previous?.error ?? null),
  };
  return { ...state, progress: { ...state.progress, [event.service]: next } };
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
