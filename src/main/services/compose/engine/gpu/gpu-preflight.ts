/**
 * Before anything is created: if services ask for GPUs and the engine cannot give them, stop with one error that
 * names those services, says why (the GPU service's verdict) and offers the fix, or running them without GPUs.
 */
import { BerthError } from '@shared/errors';
import type { GpuCapability } from '@shared/schemas/gpu';
import { type ComposeProject, serviceOf } from '../../model/project';
import { requestsGpu } from '../spec/device-requests';

/** The GPU service's verdict for the engine in use (`GpuService.capability`). */
export type GpuCapabilityCheck = () => Promise<GpuCapability>;

export interface GpuPreflightResult {
  gpuServices: string[];
  capability: GpuCapability | null;
  /** Set when the verdict is "unknown": the services go ahead, and this says what may fail. */
  warning?: string;
}

export function gpuServicesOf(project: ComposeProject, services: Iterable<string>): string[] {
  return [...services].filter((service) => requestsGpu(serviceOf(project, service))).sort();
}

export async function gpuPreflight(
  project: ComposeProject,
  services: Iterable<string>,
  check: GpuCapabilityCheck | undefined,
): Promise<GpuPreflightResult> {
  const gpuServices = gpuServicesOf(project, services);
  if (gpuServices.length === 0 || !check) return { gpuServices, capability: null };
  const capability = await check();
  const named = gpuServices.map((service) => `"${service}"`).join(', ');
  if (capability.verdict === 'no') {
    throw new BerthError(
      'E_GPU_UNAVAILABLE',
      `${gpuServices.length === 1 ? 'service' : 'services'} ${named} of project "${project.name}" request GPUs, but containers on this engine cannot use GPUs: ${capability.because}`,
      {
        fix: `${capability.fix ?? 'Set up GPU support for the engine.'} Or run ${gpuServices.length === 1 ? 'it' : 'them'} without GPUs (berth up --without-gpu), which Berth applies through its own override file; your Compose files stay as they are.`,
        details: { services: gpuServices, capability, runWithoutGpu: true },
      },
    );
  }
  if (capability.verdict === 'unknown') {
    return {
      gpuServices,
      capability,
      warning: `services ${named} request GPUs, and Berth cannot tell whether the engine can give them: ${capability.because}`,
    };
  }
  return { gpuServices, capability };
}
