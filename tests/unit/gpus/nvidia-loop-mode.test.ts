import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GpuMetrics } from '@shared/schemas/gpu';
import { nvidiaMetricsSampler } from '../../../src/main/services/gpus/nvidia/metrics-sampler';
import { execFileRunner } from '../../../src/main/services/gpus/tool-runner';

/** A stand-in nvidia-smi: two GPUs per round; with --loop it repeats every 0.2 s instead of N seconds. */
const FAKE_SMI = `#!/bin/sh
round() {
  echo "0, GPU-aaaa, 35, 1024, 81559, 41, 69.85, 700.00"
  echo "1, GPU-bbbb, [N/A], 2048, 81559, 43, [N/A], 700.00"
}
case "$*" in
  *--loop=*) while true; do round; sleep 0.2; done ;;
  *) round ;;
esac
`;

describe('nvidia-smi as a metrics source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-smi-'));
  const smi = join(dir, 'nvidia-smi');
  writeFileSync(smi, FAKE_SMI);
  chmodSync(smi, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('samples every GPU with one call', async () => {
    const metrics = await nvidiaMetricsSampler(execFileRunner, smi, undefined, () => 11).sample();
    expect(metrics).toEqual([
      {
        gpuId: 'GPU-aaaa',
        utilizationPercent: 35,
        memoryUsedMiB: 1024,
        memoryTotalMiB: 81559,
        temperatureC: 41,
        powerDrawW: 69.85,
        powerLimitW: 700,
        sampledAt: 11,
      },
      {
        gpuId: 'GPU-bbbb',
        utilizationPercent: null,
        memoryUsedMiB: 2048,
        memoryTotalMiB: 81559,
        temperatureC: 43,
        powerDrawW: null,
        powerLimitW: 700,
        sampledAt: 11,
      },
    ]);
  });

  it('streams whole rounds in loop mode and kills the process on stop', async () => {
    const rounds: GpuMetrics[][] = [];
    let ended: Error | undefined;
    const stream = nvidiaMetricsSampler(execFileRunner, smi).stream!(1, {
      onSample: (metrics) => rounds.push(metrics),
      onEnd: (error) => (ended = error),
    });
    await new Promise((resolve) => setTimeout(resolve, 900));
    stream.stop();
    const count = rounds.length;
    expect(count).toBeGreaterThanOrEqual(2);
    for (const round of rounds) expect(round.map((metrics) => metrics.gpuId)).toEqual(['GPU-aaaa', 'GPU-bbbb']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rounds.length).toBe(count);
    expect(ended).toBeUndefined();
  });

  it('says when the loop process dies on its own', async () => {
    const dying = join(dir, 'dying-smi');
    writeFileSync(dying, '#!/bin/sh\necho "No devices were found" >&2\nexit 6\n');
    chmodSync(dying, 0o755);
    const ended = await new Promise<Error>((resolve) => {
      nvidiaMetricsSampler(execFileRunner, dying).stream!(2, { onSample: () => {}, onEnd: resolve });
    });
    expect(ended.message).toMatch(/exit 6.*No devices were found/);
  });
});
