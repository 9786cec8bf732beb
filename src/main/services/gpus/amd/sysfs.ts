import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GpuMetrics } from '@shared/schemas/gpu';
import { bytesToMiB, numericReading } from '../readings';

const AMD_VENDOR_ID = '0x1002';

/** One AMD GPU as amdgpu exposes it under `/sys/class/drm/cardN/device`. */
export interface SysfsAmdGpu {
  card: string;
  pciBusId: string | null;
  metrics: GpuMetrics;
}

async function readTrimmed(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * Reads amdgpu's sysfs counters (`gpu_busy_percent`, `mem_info_vram_total`, `mem_info_vram_used`) and the hwmon
 * temperature and power. Cheap enough to poll: no process is started. `sysRoot` is injectable for tests.
 */
export async function readAmdSysfs(sysRoot = '/sys', sampledAt = Date.now()): Promise<SysfsAmdGpu[]> {
  const drmDir = join(sysRoot, 'class', 'drm');
  let entries: string[];
  try {
    entries = await readdir(drmDir);
  } catch {
    return [];
  }
  const cards = entries
    .filter((name) => /^card\d+$/.test(name))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const gpus: SysfsAmdGpu[] = [];
  for (const card of cards) {
    const deviceDir = join(drmDir, card, 'device');
    if ((await readTrimmed(join(deviceDir, 'vendor'))) !== AMD_VENDOR_ID) continue;
    const uevent = (await readTrimmed(join(deviceDir, 'uevent'))) ?? '';
    const pciBusId = /^PCI_SLOT_NAME=(.+)$/m.exec(uevent)?.[1]?.toLowerCase() ?? null;
    const hwmon = await firstHwmon(deviceDir);
    const vramTotal = numericReading(await readTrimmed(join(deviceDir, 'mem_info_vram_total')));
    const power = hwmon ? numericReading(await readTrimmed(join(hwmon, 'power1_average'))) : null;
    const powerCap = hwmon ? numericReading(await readTrimmed(join(hwmon, 'power1_cap'))) : null;
    const temperature = hwmon ? numericReading(await readTrimmed(join(hwmon, 'temp1_input'))) : null;
    gpus.push({
      card,
      pciBusId,
      metrics: {
        gpuId: pciBusId ?? card,
        utilizationPercent: numericReading(await readTrimmed(join(deviceDir, 'gpu_busy_percent'))),
        memoryUsedMiB: bytesToMiB(numericReading(await readTrimmed(join(deviceDir, 'mem_info_vram_used')))),
        memoryTotalMiB: bytesToMiB(vramTotal),
        // hwmon reports millidegrees and microwatts.
        temperatureC: temperature === null ? null : temperature / 1000,
        powerDrawW: power === null ? null : power / 1_000_000,
        powerLimitW: powerCap === null ? null : powerCap / 1_000_000,
        sampledAt,
      },
    });
  }
  return gpus;
}

async function firstHwmon(deviceDir: string): Promise<string | null> {
  try {
    const [name] = (await readdir(join(deviceDir, 'hwmon'))).filter((entry) => entry.startsWith('hwmon')).sort();
    return name ? join(deviceDir, 'hwmon', name) : null;
  } catch {
    return null;
  }
}
