import type { GpuDevice, GpuMetrics, GpuProcess } from '@shared/schemas/gpu';
import { BerthError } from '@shared/errors';
import { bytesToMiB, integerReading, numericReading, reading } from '../readings';

export const ROCM_SMI_ARGS = [
  '--showproductname',
  '--showuse',
  '--showmeminfo',
  'vram',
  '--showtemp',
  '--showpower',
  '--showbus',
  '--showuniqueid',
  '--showpids',
  '--json',
];

export interface RocmReport {
  gpus: Array<{ device: GpuDevice; metrics: GpuMetrics }>;
  processes: GpuProcess[];
  /** rocm-smi's `Driver version` (the amdgpu or kernel version, depending on the release). */
  driverVersion: string | null;
}

type Card = Record<string, string>;

/**
 * `rocm-smi … --json`. Every value is a string and key names drift between ROCm releases
 * (`GPU ID`→`Device ID`, `vram`→`VRAM`, `Card series`→`Card Series`), so keys are looked up case-insensitively.
 */
export function parseRocmSmiJson(text: string, sampledAt = Date.now()): RocmReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BerthError('E_INTERNAL', `rocm-smi printed something that is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!parsed || typeof parsed !== 'object') throw new BerthError('E_INTERNAL', 'rocm-smi printed no JSON object.');
  const entries = Object.entries(parsed as Record<string, Card>);
  const system = entries.find(([key]) => key === 'system')?.[1] ?? {};
  const driverVersion = reading(lookup(system, 'Driver version'));
  const cards = entries.filter(([key]) => /^card\d+$/.test(key)).sort(([a], [b]) => cardNumber(a) - cardNumber(b));
  return {
    gpus: cards.map(([key, card], index) => readCard(key, card, index, driverVersion, sampledAt)),
    processes: readProcesses(system),
    driverVersion,
  };
}

function cardNumber(key: string): number {
  return Number(key.slice('card'.length));
}

function lookup(card: Card, ...names: string[]): string | undefined {
  for (const name of names) {
    const wanted = name.toLowerCase();
    const key = Object.keys(card).find((candidate) => candidate.toLowerCase() === wanted);
    if (key !== undefined) return card[key];
  }
  return undefined;
}

/** Old releases print `0x1002` (the vendor id) where the product name should be. */
function productName(card: Card): string {
  for (const candidate of [lookup(card, 'Device Name'), lookup(card, 'Card series'), lookup(card, 'Card model')]) {
    const name = reading(candidate);
    if (name && !/^0x[0-9a-f]+$/i.test(name)) return name;
  }
  const deviceId = reading(lookup(card, 'Device ID', 'GPU ID'));
  return deviceId ? `AMD GPU ${deviceId}` : 'AMD GPU';
}

function readCard(key: string, card: Card, index: number, driverVersion: string | null, sampledAt: number) {
  const pciBusId = reading(lookup(card, 'PCI Bus'))?.toLowerCase() ?? null;
  const uniqueId = reading(lookup(card, 'Unique ID'));
  const id = pciBusId ?? uniqueId ?? key;
  const memoryTotalMiB = bytesToMiB(numericReading(lookup(card, 'VRAM Total Memory (B)')));
  const metrics: GpuMetrics = {
    gpuId: id,
    utilizationPercent: numericReading(lookup(card, 'GPU use (%)')),
    memoryUsedMiB: bytesToMiB(numericReading(lookup(card, 'VRAM Total Used Memory (B)'))),
    memoryTotalMiB,
    temperatureC: numericReading(lookup(card, 'Temperature (Sensor edge) (C)', 'Temperature (Sensor junction) (C)')),
    powerDrawW: numericReading(
      lookup(card, 'Average Graphics Package Power (W)', 'Current Socket Graphics Package Power (W)'),
    ),
    powerLimitW: numericReading(lookup(card, 'Max Graphics Package Power (W)')),
    sampledAt,
  };
  const device: GpuDevice = {
    id,
    vendor: 'amd',
    index,
    uuid: uniqueId,
    name: productName(card),
    pciBusId,
    driverVersion,
    memoryTotalMiB,
    computeCapability: null,
    migEnabled: null,
    migDevices: [],
    driverModel: null,
    metrics,
  };
  return { device, metrics };
}

/** `--showpids` puts `"PID<n>": "<name>, <gpu count>, <vram bytes>, <sdma>, <cu occupancy>"` in `system`. */
function readProcesses(system: Card): GpuProcess[] {
  const processes: GpuProcess[] = [];
  for (const [key, value] of Object.entries(system)) {
    const pidMatch = /^PID(\d+)$/.exec(key);
    if (!pidMatch) continue;
    const [name, , vram] = value.split(',').map((part) => part.trim());
    processes.push({
      pid: Number(pidMatch[1]),
      gpuUuid: null,
      processName: name ?? '',
      usedMemoryMiB: bytesToMiB(integerReading(vram)),
    });
  }
  return processes;
}
