import type { GpuDevice, GpuMetrics, GpuProcess, MigDevice } from '@shared/schemas/gpu';
import { integerReading, numericReading, reading } from '../readings';
import { childElement, childElements, parseXml, textAt, type XmlElement } from './xml-lite';
import { BerthError } from '@shared/errors';

/** What Berth reads from `nvidia-smi -q -x` (DTD v9 to v13). */
export interface NvidiaXmlReport {
  driverVersion: string | null;
  cudaVersion: string | null;
  gpus: Array<{ device: GpuDevice; metrics: GpuMetrics; processes: GpuProcess[] }>;
}

export function parseNvidiaXml(text: string, sampledAt = Date.now()): NvidiaXmlReport {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    throw new BerthError('E_INTERNAL', `Cannot read nvidia-smi's XML report: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (root.name !== 'nvidia_smi_log') {
    throw new BerthError('E_INTERNAL', `nvidia-smi's XML report starts with <${root.name}>, not <nvidia_smi_log>.`);
  }
  const driverVersion = reading(textAt(root, 'driver_version'));
  return {
    driverVersion,
    cudaVersion: reading(textAt(root, 'cuda_version')),
    // Document order is nvidia-smi's index order (not minor_number order).
    gpus: childElements(root, 'gpu').map((gpu, index) => readGpu(gpu, index, driverVersion, sampledAt)),
  };
}

function readGpu(gpu: XmlElement, index: number, driverVersion: string | null, sampledAt: number) {
  const uuid = reading(textAt(gpu, 'uuid'));
  const pciBusId = reading(textAt(gpu, 'pci/pci_bus_id')) ?? reading(gpu.attributes['id']);
  const id = uuid ?? pciBusId ?? `nvidia:${index}`;
  const migMode = reading(textAt(gpu, 'mig_mode/current_mig'));
  const device: GpuDevice = {
    id,
    vendor: 'nvidia',
    index,
    uuid,
    name: reading(textAt(gpu, 'product_name')) ?? 'NVIDIA GPU',
    pciBusId,
    driverVersion,
    memoryTotalMiB: numericReading(textAt(gpu, 'fb_memory_usage/total')),
    computeCapability: null,
    migEnabled: migMode === null ? null : migMode.toLowerCase() === 'enabled',
    migDevices: childElements(childElement(gpu, 'mig_devices'), 'mig_device').map(readMigDevice),
    driverModel: reading(textAt(gpu, 'driver_model/current_dm')),
    metrics: null,
  };
  const metrics: GpuMetrics = {
    gpuId: id,
    utilizationPercent: numericReading(textAt(gpu, 'utilization/gpu_util')),
    memoryUsedMiB: numericReading(textAt(gpu, 'fb_memory_usage/used')),
    memoryTotalMiB: device.memoryTotalMiB,
    temperatureC: numericReading(textAt(gpu, 'temperature/gpu_temp')),
    ...powerReadings(gpu),
    sampledAt,
  };
  const processes = childElements(childElement(gpu, 'processes'), 'process_info').flatMap((info) => {
    const pid = integerReading(textAt(info, 'pid'));
    if (pid === null) return [];
    return [
      {
        pid,
        gpuUuid: uuid,
        processName: reading(textAt(info, 'process_name')) ?? '',
        usedMemoryMiB: numericReading(textAt(info, 'used_memory')),
      },
    ];
  });
  return { device: { ...device, metrics }, metrics, processes };
}

/** v9–v11 have `<power_readings>`; v12 `<gpu_power_readings>`; v13 split `power_draw` into instant and average. */
function powerReadings(gpu: XmlElement): Pick<GpuMetrics, 'powerDrawW' | 'powerLimitW'> {
  const section = childElement(gpu, 'gpu_power_readings') ?? childElement(gpu, 'power_readings');
  const draw =
    numericReading(textAt(section, 'power_draw')) ??
    numericReading(textAt(section, 'instant_power_draw')) ??
    numericReading(textAt(section, 'average_power_draw'));
  const limit =
    numericReading(textAt(section, 'current_power_limit')) ??
    numericReading(textAt(section, 'power_limit')) ??
    numericReading(textAt(section, 'enforced_power_limit'));
  return { powerDrawW: draw, powerLimitW: limit };
}

function readMigDevice(mig: XmlElement): MigDevice {
  return {
    index: integerReading(textAt(mig, 'index')) ?? 0,
    uuid: null,
    profile: null,
    gpuInstanceId: integerReading(textAt(mig, 'gpu_instance_id')),
    computeInstanceId: integerReading(textAt(mig, 'compute_instance_id')),
    memoryTotalMiB: numericReading(textAt(mig, 'fb_memory_usage/total')),
    memoryUsedMiB: numericReading(textAt(mig, 'fb_memory_usage/used')),
  };
}
