import type { GpuProcess } from '@shared/schemas/gpu';
import { integerReading, numericReading, reading } from '../readings';
import { parseNvidiaCsv } from './csv';
import type { ToolRunner } from '../tool-runner';

export const COMPUTE_APPS_FIELDS = ['pid', 'gpu_uuid', 'process_name', 'used_gpu_memory'] as const;

export function computeAppsArgs(): string[] {
  return [`--query-compute-apps=${COMPUTE_APPS_FIELDS.join(',')}`, '--format=csv,noheader,nounits'];
}

/**
 * `--query-compute-apps` rows. With `fields`, reads our `noheader` output; without, expects a header (fixtures).
 * Under MIG the UUID is the parent GPU's; on Windows (WDDM) the memory is `[N/A]`.
 */
export function parseComputeApps(text: string, fields?: readonly string[]): GpuProcess[] {
  const rows = parseNvidiaCsv(text, { ...(fields ? { fields } : {}), freeTextField: 'process_name' });
  const processes: GpuProcess[] = [];
  for (const row of rows) {
    const pid = integerReading(row['pid']);
    if (pid === null) continue;
    processes.push({
      pid,
      gpuUuid: reading(row['gpu_uuid']),
      processName: reading(row['process_name']) ?? '',
      usedMemoryMiB: numericReading(row['used_gpu_memory']),
    });
  }
  return processes;
}

/** Host PIDs of the processes using NVIDIA GPUs now. */
export async function queryComputeApps(
  runner: ToolRunner,
  nvidiaSmi: string,
  timeoutMs = 10_000,
): Promise<GpuProcess[]> {
  const { stdout } = await runner.run(nvidiaSmi, computeAppsArgs(), { timeoutMs });
  return parseComputeApps(stdout, COMPUTE_APPS_FIELDS);
}
