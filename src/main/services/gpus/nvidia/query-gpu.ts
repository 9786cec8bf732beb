import type { GpuDevice, GpuMetrics } from '@shared/schemas/gpu';
import { integerReading, numericReading, reading } from '../readings';
import { parseNvidiaCsv, type CsvRow } from './csv';

/** The inventory query: what a GPU is. Fields every driver since ~450 knows, so the query never fails as a whole. */
export const INVENTORY_FIELDS = [
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'driver_version',
  'memory.total',
  'mig.mode.current',
  'compute_cap',
] as const;

/** The live query: what a GPU is doing. */
export const METRICS_FIELDS = [
  'index',
  'uuid',
  'utilization.gpu',
  'memory.used',
  'memory.total',
  'temperature.gpu',
  'power.draw',
  'power.limit',
] as const;

export function queryGpuArgs(fields: readonly string[], loopSeconds?: number): string[] {
  const args = [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits'];
  if (loopSeconds !== undefined) args.push(`--loop=${loopSeconds}`);
  return args;
}

/**
 * Rows of `--query-gpu` output. Accepts our `noheader,nounits` output (pass the fields asked for) as well as
 * output with a header and units, as in captured fixtures.
 */
export function parseQueryGpu(text: string, fields?: readonly string[]): CsvRow[] {
  return parseNvidiaCsv(text, fields ? { fields, freeTextField: 'name' } : { freeTextField: 'name' });
}

function migMode(raw: string | undefined): boolean | null {
  const value = reading(raw);
  if (value === null) return null;
  return value.toLowerCase() === 'enabled';
}

export function deviceFromRow(row: CsvRow): GpuDevice {
  const uuid = reading(row['uuid']);
  const pciBusId = reading(row['pci.bus_id']);
  const index = integerReading(row['index']) ?? 0;
  return {
    id: uuid ?? pciBusId ?? `nvidia:${index}`,
    vendor: 'nvidia',
    index,
    uuid,
    name: reading(row['name']) ?? 'NVIDIA GPU',
    pciBusId,
    driverVersion: reading(row['driver_version']),
    memoryTotalMiB: numericReading(row['memory.total']),
    computeCapability: reading(row['compute_cap']),
    migEnabled: migMode(row['mig.mode.current']),
    migDevices: [],
    driverModel: null,
    metrics: null,
  };
}

export function metricsFromRow(row: CsvRow, sampledAt: number): GpuMetrics {
  const uuid = reading(row['uuid']);
  return {
    gpuId: uuid ?? `nvidia:${integerReading(row['index']) ?? 0}`,
    utilizationPercent: numericReading(row['utilization.gpu']),
    memoryUsedMiB: numericReading(row['memory.used']),
    memoryTotalMiB: numericReading(row['memory.total']),
    temperatureC: numericReading(row['temperature.gpu']),
    powerDrawW: numericReading(row['power.draw']),
    powerLimitW: numericReading(row['power.limit']),
    sampledAt,
  };
}
