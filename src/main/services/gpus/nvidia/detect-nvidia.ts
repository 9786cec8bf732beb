import type { GpuDevice, GpuProbeReport, MigDevice } from '@shared/schemas/gpu';
import { ToolMissingError, type ToolRunner } from '../tool-runner';
import { parseListGpus } from './list-gpus';
import { deviceFromRow, INVENTORY_FIELDS, parseQueryGpu, queryGpuArgs } from './query-gpu';
import { parseNvidiaXml, type NvidiaXmlReport } from './xml-report';

export interface NvidiaDetection {
  gpus: GpuDevice[];
  cudaVersion: string | null;
  report: GpuProbeReport;
}

export const NVIDIA_SMI_TIMEOUT_MS = 10_000;

/**
 * Lists NVIDIA GPUs with three calls run side by side: the inventory query, `-L` for MIG device UUIDs, and `-q -x`
 * for the CUDA version, the Windows driver model and MIG memory. Only the inventory query is required.
 */
export async function detectNvidia(runner: ToolRunner, nvidiaSmi: string | null): Promise<NvidiaDetection> {
  if (!nvidiaSmi) return { gpus: [], cudaVersion: null, report: report('missing', null, 'nvidia-smi not found') };
  const run = (args: string[]) => runner.run(nvidiaSmi, args, { timeoutMs: NVIDIA_SMI_TIMEOUT_MS, queue: false });
  const inventory = run(queryGpuArgs(INVENTORY_FIELDS));
  const listing = run(['-L']).then(
    ({ stdout }) => parseListGpus(stdout),
    () => [],
  );
  const report$ = run(['-q', '-x']).then(
    ({ stdout }) => parseNvidiaXml(stdout),
    () => null,
  );
  let gpus: GpuDevice[];
  try {
    gpus = parseQueryGpu((await inventory).stdout, INVENTORY_FIELDS).map(deviceFromRow);
  } catch (error) {
    const status = error instanceof ToolMissingError ? 'missing' : 'failed';
    return { gpus: [], cudaVersion: null, report: report(status, nvidiaSmi, (error as Error).message) };
  }
  const [listed, xml] = await Promise.all([listing, report$]);
  const merged = gpus.map((gpu) => mergeDetails(gpu, listed, xml));
  const detail = `${merged.length} GPU${merged.length === 1 ? '' : 's'}`;
  return {
    gpus: merged,
    cudaVersion: xml?.cudaVersion ?? null,
    report: report(merged.length > 0 ? 'found' : 'none', nvidiaSmi, detail),
  };
}

function report(status: GpuProbeReport['status'], source: string | null, detail: string): GpuProbeReport {
  return { probe: 'nvidia-smi', status, source, detail };
}

function mergeDetails(
  gpu: GpuDevice,
  listed: ReturnType<typeof parseListGpus>,
  xml: NvidiaXmlReport | null,
): GpuDevice {
  const fromList = listed.find((entry) => (gpu.uuid ? entry.uuid === gpu.uuid : entry.index === gpu.index));
  const fromXml = xml?.gpus.find(({ device }) => (gpu.uuid ? device.uuid === gpu.uuid : device.index === gpu.index));
  return {
    ...gpu,
    driverModel: fromXml?.device.driverModel ?? null,
    // The XML report is a full reading too: the GPU page has numbers before the first live sample.
    metrics: fromXml ? { ...fromXml.metrics, gpuId: gpu.id } : null,
    migDevices: mergeMigDevices(fromList?.migDevices ?? [], fromXml?.device.migDevices ?? []),
  };
}

/** `-L` knows MIG UUIDs and profiles, the XML knows instance ids and memory; both list devices by index. */
export function mergeMigDevices(listed: MigDevice[], fromXml: MigDevice[]): MigDevice[] {
  const indexes = [...new Set([...listed, ...fromXml].map((device) => device.index))].sort((a, b) => a - b);
  return indexes.map((index) => {
    const a = listed.find((device) => device.index === index);
    const b = fromXml.find((device) => device.index === index);
    return {
      index,
      uuid: a?.uuid ?? b?.uuid ?? null,
      profile: a?.profile ?? b?.profile ?? null,
      gpuInstanceId: b?.gpuInstanceId ?? a?.gpuInstanceId ?? null,
      computeInstanceId: b?.computeInstanceId ?? a?.computeInstanceId ?? null,
      memoryTotalMiB: b?.memoryTotalMiB ?? a?.memoryTotalMiB ?? null,
      memoryUsedMiB: b?.memoryUsedMiB ?? a?.memoryUsedMiB ?? null,
    };
  });
}
