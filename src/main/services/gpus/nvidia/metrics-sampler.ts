import { spawn, type ChildProcess } from 'node:child_process';
import type { MetricsSampler, MetricsStreamHandlers } from '../metrics-sampler';
import type { ToolRunner } from '../tool-runner';
import { METRICS_FIELDS, metricsFromRow, parseQueryGpu, queryGpuArgs } from './query-gpu';
import { integerReading } from '../readings';
import type { GpuMetrics } from '@shared/schemas/gpu';

export const METRICS_TIMEOUT_MS = 5_000;

export type SpawnTool = (command: string, args: string[]) => ChildProcess;

/** Spawns without a shell, with `env` (the environment Berth was given). */
export function spawnWithoutShell(env: NodeJS.ProcessEnv = process.env): SpawnTool {
  return (command, args) => spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
}

/** nvidia-smi as a metrics source: one `--query-gpu` call per sample, or `--loop=N` as one long-lived process. */
export function nvidiaMetricsSampler(
  runner: ToolRunner,
  nvidiaSmi: string,
  spawnTool: SpawnTool = spawnWithoutShell(),
  now: () => number = Date.now,
): MetricsSampler {
  return {
    async sample() {
      const { stdout } = await runner.run(nvidiaSmi, queryGpuArgs(METRICS_FIELDS), { timeoutMs: METRICS_TIMEOUT_MS });
      const sampledAt = now();
      return parseQueryGpu(stdout, METRICS_FIELDS).map((row) => metricsFromRow(row, sampledAt));
    },
    stream(intervalSeconds, handlers) {
      return streamLoop(spawnTool(nvidiaSmi, queryGpuArgs(METRICS_FIELDS, intervalSeconds)), handlers, now);
    },
  };
}

/**
 * Loop mode prints one line per GPU every interval. A sample ends when the GPU index goes back down (the next round
 * started) or when output pauses, so a round is delivered without waiting a whole interval for the next one.
 */
function streamLoop(child: ChildProcess, handlers: MetricsStreamHandlers, now: () => number) {
  let stopped = false;
  let pending = '';
  let round: GpuMetrics[] = [];
  let lastIndex = -1;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(flushTimer);
    if (round.length > 0 && !stopped) handlers.onSample(round);
    round = [];
    lastIndex = -1;
  };

  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const [row] = parseQueryGpu(line, METRICS_FIELDS);
      if (!row) continue;
      const index = integerReading(row['index']) ?? lastIndex + 1;
      if (index <= lastIndex) flush();
      lastIndex = index;
      round.push(metricsFromRow(row, now()));
    }
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, 100);
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const end = (reason: string) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(flushTimer);
    handlers.onEnd(new Error(`nvidia-smi loop mode ended: ${reason}${stderr.trim() ? ` (${stderr.trim()})` : ''}`));
  };
  child.on('error', (error) => end(error.message));
  child.on('exit', (code, signal) => end(signal ? `signal ${signal}` : `exit ${code}`));
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(flushTimer);
      child.kill();
    },
  };
}
