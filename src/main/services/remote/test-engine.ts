import type { EngineInfo, Endpoint } from '@shared/schemas/engine';
import { connectEngine } from '../docker/connect-engine';
import { diagnoseUnreachable } from '../docker/diagnose-unreachable';
import type { ResolvedEndpoint } from '../docker/engine-target';
import { remoteFailureOf, type RemoteFailure } from '../docker/ssh/ssh-errors';
import { engineGpuRuntime, type EngineGpuRuntime } from '../gpus/engine-side/engine-gpu-runtime';
import { podmanNotes, readPodmanHostInfo } from './podman-compat';

/** Clocks further apart than this make TLS, log timestamps and `--since` misbehave. */
const CLOCK_SKEW_WARNING_MS = 60_000;

export type EngineTestResult =
  | {
      ok: true;
      endpoint: Endpoint;
      info: EngineInfo;
      /** What `/info` says about GPUs (runtimes, CDI devices); the host's GPUs themselves need a helper container. */
      gpus: EngineGpuRuntime;
      elapsedMs: number;
      /** Things that work but deserve a word: clock skew, Podman differences. */
      notes: string[];
    }
  | {
      ok: false;
      endpoint: Endpoint;
      /** What failed, e.g. `The authenticity of host … can't be established. … fingerprint is SHA256:…`. */
      reason: string;
      fix: string;
      /** Machine-readable cause for a dialog: the fingerprint to confirm, the identities offered… */
      failure?: RemoteFailure;
      elapsedMs: number;
    };

/**
 * Connects once to `resolved` (as the app would: ping, then info and version) and says exactly what failed, with the
 * fix: ssh host keys (unknown: the fingerprint to confirm; changed: refused), ssh authentication (the identities
 * offered), `docker` missing on the host, the remote socket's permissions, TLS CA mismatch, clock skew.
 */
export async function testEngine(
  resolved: ResolvedEndpoint,
  options: { timeoutMs?: number; platform?: NodeJS.Platform; now?: () => number } = {},
): Promise<EngineTestResult> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  try {
    const session = await connectEngine(resolved, { timeoutMs: options.timeoutMs });
    const podman = session.info.flavor === 'podman' ? await readPodmanHostInfo(session.docker) : undefined;
    session.client.close();
    const notes: string[] = [];
    const engineTime = session.rawInfo.SystemTime ? Date.parse(session.rawInfo.SystemTime) : NaN;
    const skew = engineTime - now();
    if (Number.isFinite(skew) && Math.abs(skew) > CLOCK_SKEW_WARNING_MS) {
      notes.push(
        `Clock skew: the engine's clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'ahead of' : 'behind'} this machine's; ` +
          'log times and TLS certificates depend on both. Sync the clocks (`timedatectl set-ntp true`).',
      );
    }
    if (session.info.flavor === 'podman') notes.push(...podmanNotes(podman));
    return {
      ok: true,
      endpoint: resolved.endpoint,
      info: session.info,
      gpus: engineGpuRuntime(session.rawInfo),
      elapsedMs: performance.now() - started,
      notes,
    };
  } catch (error) {
    const diagnosis = diagnoseUnreachable(error, resolved.endpoint, options.platform ?? process.platform);
    return {
      ok: false,
      endpoint: resolved.endpoint,
      reason: diagnosis.reason,
      fix: diagnosis.fix,
      failure: remoteFailureOf(error),
      elapsedMs: performance.now() - started,
    };
  }
}
