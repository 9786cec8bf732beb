import type { EngineState } from '@shared/schemas/engine';
import { useBerthStore } from '../stores/store';

/** The engine's unreachable reason in words, with the raw errno kept for the tooltip. */
export function describeUnreachable(engine: EngineState | null): string {
  if (!engine || engine.status === 'connecting') return 'connecting to the Docker engine';
  const address = engine.endpoint?.address.replace(/^unix:\/\//, '') ?? 'the configured address';
  const reason = engine.reason ?? '';
  if (/ENOENT/.test(reason)) return `no Docker socket at ${address} (is Docker running?)`;
  if (/EACCES|permission denied/i.test(reason)) return `permission denied on ${address}`;
  if (/ECONNREFUSED/.test(reason)) return `nothing answers at ${address}`;
  if (/ETIMEDOUT|timed out/i.test(reason)) return `${address} did not answer in time`;
  return reason || 'unknown reason';
}

export interface EngineGate {
  connected: boolean;
  /** Why engine actions are disabled, for their tooltip; null while connected. */
  reason: string | null;
}

/** Whether engine actions can run now, and if not, the sentence that says why. */
export function useEngineGate(): EngineGate {
  const engine = useBerthStore((state) => state.engine);
  const connected = engine?.status === 'connected';
  return {
    connected,
    reason: connected ? null : `The Docker engine is unreachable: ${describeUnreachable(engine)}.`,
  };
}
