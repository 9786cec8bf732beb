import type { GpuDevice, GpuProbeReport } from '@shared/schemas/gpu';
import { ToolMissingError, type ToolRunner } from '../tool-runner';
import { parseRocmSmiJson, ROCM_SMI_ARGS } from './rocm-smi';
import { readAmdSysfs, type SysfsAmdGpu } from './sysfs';

export const ROCM_SMI_TIMEOUT_MS = 15_000;

export interface AmdDetection {
  gpus: GpuDevice[];
  reports: GpuProbeReport[];
}

/**
 * AMD GPUs from amdgpu's sysfs (always there with the driver, no process started) and, when installed, `rocm-smi`
 * for product names. rocm-smi wins on names and ids, sysfs fills in GPUs rocm-smi did not list.
 */
export async function detectAmd(runner: ToolRunner, rocmSmi: string | null, sysRoot?: string): Promise<AmdDetection> {
  const sysfs = await readAmdSysfs(sysRoot);
  const sysfsReport: GpuProbeReport = {
    probe: 'amd-sysfs',
    status: sysfs.length > 0 ? 'found' : 'none',
    source: sysRoot ?? '/sys',
    detail: `${sysfs.length} amdgpu card${sysfs.length === 1 ? '' : 's'}`,
  };
  if (!rocmSmi) {
    const rocmReport: GpuProbeReport = {
      probe: 'rocm-smi',
      status: 'missing',
      source: null,
      detail: 'rocm-smi not found',
    };
    return { gpus: sysfs.map(deviceFromSysfs), reports: [sysfsReport, rocmReport] };
  }
  try {
    const { stdout } = await runner.run(rocmSmi, ROCM_SMI_ARGS, { timeoutMs: ROCM_SMI_TIMEOUT_MS });
    const rocm = parseRocmSmiJson(stdout);
    const gpus = rocm.gpus.map(({ device }) => device);
    const unlisted = sysfs.filter((card) => !gpus.some((gpu) => gpu.pciBusId && gpu.pciBusId === card.pciBusId));
    const all = [...gpus, ...unlisted.map((card, offset) => deviceFromSysfs(card, gpus.length + offset))];
    const rocmReport: GpuProbeReport = {
      probe: 'rocm-smi',
      status: gpus.length > 0 ? 'found' : 'none',
      source: rocmSmi,
      detail: `${gpus.length} GPU${gpus.length === 1 ? '' : 's'}`,
    };
    return { gpus: all, reports: [sysfsReport, rocmReport] };
  } catch (error) {
    const rocmReport: GpuProbeReport = {
      probe: 'rocm-smi',
      status: error instanceof ToolMissingError ? 'missing' : 'failed',
      source: rocmSmi,
      detail: (error as Error).message,
    };
    return { gpus: sysfs.map(deviceFromSysfs), reports: [sysfsReport, rocmReport] };
  }
}

function deviceFromSysfs(card: SysfsAmdGpu, index: number): GpuDevice {
  return {
    id: card.metrics.gpuId,
    vendor: 'amd',
    index,
    uuid: null,
    name: `AMD GPU (${card.card})`,
    pciBusId: card.pciBusId,
    driverVersion: null,
    memoryTotalMiB: card.metrics.memoryTotalMiB,
    computeCapability: null,
    migEnabled: null,
    migDevices: [],
    driverModel: null,
    metrics: card.metrics,
  };
}
