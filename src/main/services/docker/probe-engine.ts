import type { EngineState } from '@shared/schemas/engine';
import { connectEngine } from './connect-engine';
import { diagnoseUnreachable } from './diagnose-unreachable';
import { connectedState, unreachableState } from './engine-state';
import type { ResolvedEndpoint } from './engine-target';
import { resolveEndpoint, type ResolveEndpointOptions } from './resolve-endpoint';

export interface ProbeEngineOptions extends ResolveEndpointOptions {
  now?: () => number;
  timeoutMs?: number;
}

/** One connection attempt, no events and no retries: the state a fresh EngineConnection would reach first. */
export async function probeEngine(options: ProbeEngineOptions): Promise<EngineState> {
  const now = options.now ?? Date.now;
  let resolved: ResolvedEndpoint | null = null;
  try {
    resolved = resolveEndpoint(options);
    const session = await connectEngine(resolved, { timeoutMs: options.timeoutMs });
    session.client.close();
    return connectedState(resolved.endpoint, session.info, now());
  } catch (error) {
    const endpoint = resolved?.endpoint ?? null;
    return unreachableState(
      endpoint,
      diagnoseUnreachable(error, endpoint, options.platform ?? process.platform),
      null,
      now(),
    );
  }
}
