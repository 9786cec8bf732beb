import type Docker from 'dockerode';
import type { GpuDevice, GpuUsage } from '@shared/schemas/gpu';
import { attributeGpuProcesses, summarizeGpuUsage } from '../gpu-usage';
import { queryComputeApps } from '../nvidia/compute-apps';
import { nvidiaMetricsSampler } from '../nvidia/metrics-sampler';
import type { MetricsSampler } from '../metrics-sampler';
import type { GpuHelper } from './gpu-helper';

/**
 * Who uses the engine host's GPUs: the helper's compute-app PIDs (host PIDs: it shares the host's PID namespace)
 * matched with each running container's PIDs from `/containers/{id}/top`, then summed per compose service.
 */
export async function engineGpuUsage(docker: Docker, helper: GpuHelper, gpus: GpuDevice[]): Promise<GpuUsage[]> {
  const processes = await queryComputeApps(helper.runner, 'nvidia-smi');
  const containers = await docker.listContainers();
  const owners = new Map<number, string>();
  if (processes.length > 0) {
    await Promise.all(
      containers
        .filter((container) => container.Id !== helper.id)
        .map(async (container) => {
          const top = await docker
            .getContainer(container.Id)
            .top({ ps_args: '-o pid' })
            .catch(() => null);
          const pidColumn = top?.Titles?.findIndex((title: string) => title.trim().toUpperCase() === 'PID') ?? -1;
          for (const row of top?.Processes ?? []) {
            const pid = Number(row[pidColumn === -1 ? 0 : pidColumn]);
            if (Number.isInteger(pid)) owners.set(pid, container.Id);
          }
        }),
    );
  }
  const usages = await attributeGpuProcesses(
    processes,
    containers.map((container) => ({
      id: container.Id,
      name: container.Names?.[0] ?? container.Id,
      labels: container.Labels ?? {},
    })),
    async (pid) => owners.get(pid) ?? null,
  );
  return summarizeGpuUsage(gpus, usages);
}

/** Live readings from the engine's host: one long-lived `nvidia-smi --loop` in the helper, streamed over the engine. */
export function engineGpuMetricsSampler(helper: GpuHelper): MetricsSampler {
  return nvidiaMetricsSampler(helper.runner, 'nvidia-smi', helper.spawnTool);
}
