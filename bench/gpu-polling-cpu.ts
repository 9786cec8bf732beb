/**
 * CPU cost of live GPU polling: `npx tsx bench/gpu-polling-cpu.ts [visible|loop|background|hidden] [seconds] [gpus]`.
 * Polls a stand-in nvidia-smi (a shell script printing a captured H100 reading) through the real poller and
 * reports Berth's own CPU time (process.cpuUsage) and the CPU time of the nvidia-smi processes it started
 * (cutime+cstime from /proc/self/stat). A real nvidia-smi costs more per call than `cat` (it initialises NVML),
 * which is what loop mode avoids.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GpuMetricsPoller } from '../src/main/services/gpus/metrics-poller';
import { METRICS_FIELDS } from '../src/main/services/gpus/nvidia/query-gpu';
import { nvidiaMetricsSampler } from '../src/main/services/gpus/nvidia/metrics-sampler';
import { execFileRunner, singleFlight } from '../src/main/services/gpus/tool-runner';
import { asNoHeaderQuery } from '../tests/support/gpu/capture-tools';

const CAPTURE = resolve(
  __dirname,
  '../../shared/fixtures/nvidia-smi/csv/from-captures/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01/load__query-gpu.csv',
);
const CLOCK_TICKS = 100;

function childCpuMs(): number {
  // Fields after the command name: state is field 3, so cutime/cstime (16, 17) sit at offsets 13 and 14.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

async function main(): Promise<void> {
  const scenario = (process.argv[2] ?? 'visible') as 'visible' | 'loop' | 'background' | 'hidden';
  const seconds = Number(process.argv[3] ?? 60);
  const gpuCount = Number(process.argv[4] ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-smi-'));
  const [row] = asNoHeaderQuery(readFileSync(CAPTURE, 'utf8'), METRICS_FIELDS).split('\n');
  const rows = Array.from({ length: gpuCount }, (_, index) => row!.replace(/^\d+/, String(index)));
  writeFileSync(join(dir, 'reading.csv'), `${rows.join('\n')}\n`);
  const smi = join(dir, 'nvidia-smi');
  writeFileSync(
    smi,
    `#!/bin/sh\ncase "$*" in\n  *--loop=*) while true; do cat "${dir}/reading.csv"; sleep "\${*##*--loop=}"; done ;;\n  *) cat "${dir}/reading.csv" ;;\nesac\n`,
  );
  chmodSync(smi, 0o755);

  let samples = 0;
  const poller = new GpuMetricsPoller({
    source: nvidiaMetricsSampler(singleFlight(execFileRunner), smi),
    onSample: () => samples++,
    onError: (error) => console.error(error),
    // Loop mode: treat every call as slow so the poller hands over after the first one.
    slowCallMs: scenario === 'loop' ? -1 : 60_000,
  });
  const cpuBefore = process.cpuUsage();
  const childBefore = childCpuMs();
  const started = performance.now();
  poller.setVisibility(scenario === 'loop' ? 'visible' : scenario);
  await new Promise((done) => setTimeout(done, seconds * 1000));
  poller.stop();
  await new Promise((done) => setTimeout(done, 300));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const berthMs = (cpu.user + cpu.system) / 1000;
  const childMs = childCpuMs() - childBefore;
  rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      scenario,
      gpus: gpuCount,
      seconds: Math.round(wallMs / 1000),
      samples,
      berthCpuMs: Math.round(berthMs),
      berthCpuPercent: Number(((berthMs / wallMs) * 100).toFixed(3)),
      berthCpuMsPerSample: samples ? Number((berthMs / samples).toFixed(2)) : null,
      toolCpuMs: Math.round(childMs),
      mode: scenario === 'loop' ? 'nvidia-smi --loop' : 'one call per sample',
    }),
  );
}

void main();
