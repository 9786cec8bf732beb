import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GpuMetrics } from '@shared/schemas/gpu';
import { GpuService } from '../../../src/main/services/gpus/gpu-service';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in nvidia-smi that logs every call, answering the inventory and metrics queries for one GPU. */
function fakeNvidiaSmi(dir: string): { path: string; calls: () => string[] } {
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const path = join(dir, 'nvidia-smi');
  writeFileSync(
    path,
    `#!/bin/sh
echo "$1" >> "${log}"
case "$1" in
  --query-gpu=index,uuid,name,*) echo "0, GPU-aaaa, NVIDIA L40S, 00000000:01:00.0, 595.80, 46068, [N/A], 8.9" ;;
  --query-gpu=*) echo "0, GPU-aaaa, 9, 1235, 46068, 54, 110.23, 350.00" ;;
  -L) echo "GPU 0: NVIDIA L40S (UUID: GPU-aaaa)" ;;
  -q) echo "<nvidia_smi_log><driver_version>595.80</driver_version><cuda_version>13.2</cuda_version></nvidia_smi_log>" ;;
  *) exit 2 ;;
esac
`,
  );
  chmodSync(path, 0o755);
  return { path, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('GpuService live polling with real processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-poll-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('detects the GPU once, polls while visible, and starts no process while hidden', async () => {
    const smi = fakeNvidiaSmi(dir);
    const service = new GpuService({
      nvidiaSmiPath: smi.path,
      rocmSmiPath: null,
      sysRoot: join(dir, 'sys'),
      platform: 'linux',
    });
    const inventory = await service.inventory();
    expect(inventory.cudaVersion).toBe('13.2');
    expect(inventory.gpus.map((gpu) => [gpu.name, gpu.memoryTotalMiB, gpu.computeCapability])).toEqual([
      ['NVIDIA L40S', 46068, '8.9'],
    ]);
    expect(smi.calls()).toHaveLength(3);

    const samples: GpuMetrics[][] = [];
    const poller = await service.createPoller({
      onSample: (metrics) => samples.push(metrics),
      intervals: { visibleMs: 100, backgroundMs: 400 },
    });
    await delay(300);
    expect(smi.calls()).toHaveLength(3); // created hidden: nothing runs yet

    poller!.setVisibility('visible');
    await delay(550);
    poller!.setVisibility('hidden');
    const polled = smi.calls().length - 3;
    expect(polled).toBeGreaterThanOrEqual(3);
    expect(samples.at(-1)).toEqual([
      expect.objectContaining({ gpuId: 'GPU-aaaa', utilizationPercent: 9, powerDrawW: 110.23 }),
    ]);

    await delay(600);
    // At most one call was already running when the view was hidden.
    expect(smi.calls().length - 3 - polled).toBeLessThanOrEqual(1);
    const settled = smi.calls().length;
    await delay(500);
    expect(smi.calls()).toHaveLength(settled);
  });
});
