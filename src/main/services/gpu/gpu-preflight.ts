import type { GpuCapability, GpuDevice, GpuRequest } from '../../../shared/schemas/gpu';
import { resolveRequestedGpus } from './gpu-conflicts';

export interface GpuPreflightResult {
  /** False when starting the services would fail for lack of GPUs. */
  ok: boolean;
  /** Blocking problems, one sentence each. */
  problems: string[];
  /** Worth showing, not blocking (an unknown verdict). */
  warnings: string[];
  fix: string | null;
}

/**
 * The Compose engine's GPU check before `up`: the same verdict as the GPU page, applied to the services about to
 * start. `gpus` are this machine's; they are only compared with `device_ids` when the engine is local.
 */
export function gpuPreflight(requests: GpuRequest[], capability: GpuCapability, gpus: GpuDevice[]): GpuPreflightResult {
  if (requests.length === 0) return { ok: true, problems: [], warnings: [], fix: null };
  const serviceNames = [...new Set(requests.map((request) => request.service))];
  const services = serviceNames.join(', ');
  if (capability.verdict === 'no') {
    return {
      ok: false,
      problems: [
        `${services} cannot get the GPUs ${serviceNames.length === 1 ? 'it requests' : 'they request'}: ${lowerFirst(capability.because)}`,
      ],
      warnings: [],
      fix: capability.fix,
    };
  }
  const warnings =
    capability.verdict === 'unknown'
      ? [
          `${services} request GPUs; Berth cannot tell whether the engine can give them: ${lowerFirst(capability.because)}`,
        ]
      : [];
  const problems = capability.engineIsLocal
    ? requests.flatMap((request) =>
        resolveRequestedGpus(request, gpus).unknownIds.map(
          (id) => `${request.service} asks for GPU "${id}", which this machine does not have (it has ${gpus.length}).`,
        ),
      )
    : [];
  return {
    ok: problems.length === 0,
    problems,
    warnings,
    fix: problems.length
      ? 'Pick existing GPUs on the GPU page, or remove device_ids from the service.'
      : capability.fix,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
