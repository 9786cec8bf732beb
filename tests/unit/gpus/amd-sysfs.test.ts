import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAmdSysfs } from '../../../src/main/services/gpus/amd/sysfs';

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('amdgpu sysfs', () => {
  const root = mkdtempSync(join(tmpdir(), 'berth-sysfs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  writeFiles(root, {
    'class/drm/card1/device/vendor': '0x1002\n',
    'class/drm/card1/device/uevent': 'DRIVER=amdgpu\nPCI_SLOT_NAME=0000:07:00.0\n',
    'class/drm/card1/device/gpu_busy_percent': '37\n',
    'class/drm/card1/device/mem_info_vram_total': '12868124672\n',
    'class/drm/card1/device/mem_info_vram_used': '1572745216\n',
    'class/drm/card1/device/hwmon/hwmon3/temp1_input': '45000\n',
    'class/drm/card1/device/hwmon/hwmon3/power1_average': '6000000\n',
    'class/drm/card1/device/hwmon/hwmon3/power1_cap': '211000000\n',
    // An NVIDIA card and a connector entry: both ignored.
    'class/drm/card0/device/vendor': '0x10de\n',
    'class/drm/card1-DP-1/status': 'connected\n',
  });

  it('reads busy percent, VRAM and hwmon readings of AMD cards only', async () => {
    expect(await readAmdSysfs(root, 3)).toEqual([
      {
        card: 'card1',
        pciBusId: '0000:07:00.0',
        metrics: {
          gpuId: '0000:07:00.0',
          utilizationPercent: 37,
          memoryUsedMiB: 1500,
          memoryTotalMiB: 12272,
          temperatureC: 45,
          powerDrawW: 6,
          powerLimitW: 211,
          sampledAt: 3,
        },
      },
    ]);
  });

  it('returns nothing when there is no DRM class (not Linux, no driver)', async () => {
    expect(await readAmdSysfs(join(root, 'absent'))).toEqual([]);
  });
});
