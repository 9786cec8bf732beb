import type { Endpoint, EngineInfo, EngineState } from '@shared/schemas/engine';
import type { UnreachableDiagnosis } from './diagnose-unreachable';

export function connectingState(endpoint: Endpoint | null, now: number, reason: string | null = null): EngineState {
  return { status: 'connecting', endpoint, info: null, reason, fix: null, nextRetryAt: null, since: now };
}

export function connectedState(endpoint: Endpoint, info: EngineInfo, now: number): EngineState {
  return { status: 'connected', endpoint, info, reason: null, fix: null, nextRetryAt: null, since: now };
}

export function unreachableState(
  endpoint: Endpoint | null,
  diagnosis: UnreachableDiagnosis,
  nextRetryAt: number | null,
  now: number,
): EngineState {
  return {
    status: 'unreachable',
    endpoint,
    info: null,
    reason: diagnosis.reason,
    fix: diagnosis.fix,
    nextRetryAt,
    since: now,
  };
}
