import type { GpuDevice, GpuOverview, GpuRequest } from '@shared/schemas/gpu';

const dash = '–';

function value(number: number | null, unit: string): string {
  return number === null ? dash : `${number}${unit}`;
}

function gpuLines(gpu: GpuDevice, overview: GpuOverview): string[] {
  const details = [
    gpu.memoryTotalMiB !== null ? `${gpu.memoryTotalMiB} MiB` : null,
    gpu.driverVersion ? `driver ${gpu.driverVersion}` : null,
    gpu.computeCapability ? `compute ${gpu.computeCapability}` : null,
    gpu.driverModel ? gpu.driverModel : null,
    gpu.migEnabled ? `MIG on (${gpu.migDevices.length} device${gpu.migDevices.length === 1 ? '' : 's'})` : null,
  ].filter(Boolean);
  const lines = [`  ${gpu.index}  ${gpu.name}  [${gpu.vendor}]  ${details.join(', ')}`];
  const metrics = gpu.metrics;
  if (metrics) {
    lines.push(
      `     utilization ${value(metrics.utilizationPercent, ' %')}, memory ${value(metrics.memoryUsedMiB, '')}/${value(
        metrics.memoryTotalMiB ?? gpu.memoryTotalMiB,
        ' MiB',
      )}, ${value(metrics.temperatureC, ' °C')}, power ${value(metrics.powerDrawW, '')}/${value(metrics.powerLimitW, ' W')}`,
    );
  }
  for (const mig of gpu.migDevices) {
    const memory = mig.memoryTotalMiB !== null ? `, ${mig.memoryUsedMiB ?? dash}/${mig.memoryTotalMiB} MiB` : '';
    lines.push(`     MIG ${mig.index}  ${mig.profile ?? ''}  ${mig.uuid ?? ''}${memory}`.replace(/\s+$/, ''));
  }
  const usage = overview.usage.find((entry) => entry.gpuId === gpu.id);
  for (const service of usage?.services ?? []) {
    lines.push(
      `     used by ${service.project}/${service.service}: ${value(service.usedMemoryMiB, ' MiB')} (${service.processCount} process${service.processCount === 1 ? '' : 'es'})`,
    );
  }
  if (usage && usage.otherMemoryMiB > 0) lines.push(`     used outside compose: ${usage.otherMemoryMiB} MiB`);
  return lines;
}

function describeRequest(request: GpuRequest): string {
  const what = request.deviceIds.length
    ? `device_ids ${request.deviceIds.join(', ')}`
    : request.count === 'all'
      ? 'all GPUs'
      : `${request.count ?? 0} GPU${request.count === 1 ? '' : 's'}`;
  return `  ${request.project}/${request.service}: ${what}${request.running ? ' (running)' : ''}`;
}

/** `berth gpus` without --json. */
export function formatGpuOverview(overview: GpuOverview, engineNote: string | null): string {
  const { inventory, capability } = overview;
  const lines: string[] = [];
  lines.push(inventory.gpus.length ? 'GPUs on this machine:' : 'No GPUs found on this machine.');
  for (const gpu of inventory.gpus) lines.push(...gpuLines(gpu, overview));
  if (inventory.cudaVersion) lines.push(`  CUDA (driver supports up to): ${inventory.cudaVersion}`);
  for (const probe of inventory.probes) {
    if (probe.status === 'failed') lines.push(`  ${probe.probe} failed: ${probe.detail ?? 'unknown error'}`);
  }
  lines.push('');
  if (capability) {
    lines.push(`Containers can use GPUs: ${capability.verdict}`);
    lines.push(`  because: ${capability.because}`);
    if (capability.fix) lines.push(`  to fix: ${capability.fix}`);
    lines.push(
      `  runtimes: ${capability.runtimes.join(', ') || dash} (default: ${capability.defaultRuntime ?? dash})` +
        (capability.cdiDevices.length ? `, CDI devices: ${capability.cdiDevices.join(', ')}` : ''),
    );
  } else {
    lines.push(`Containers can use GPUs: unknown`);
    lines.push(`  because: ${engineNote ?? 'no Docker engine answered.'}`);
  }
  if (overview.requests.length) {
    lines.push('', 'GPU requests:');
    lines.push(...overview.requests.map(describeRequest));
  }
  if (overview.conflicts.length) {
    lines.push('', 'Conflicts:');
    lines.push(...overview.conflicts.map((conflict) => `  ${conflict.message}`));
  }
  return `${lines.join('\n')}\n`;
}
