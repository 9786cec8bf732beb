import type { ContainerStats } from '@shared/schemas/stats';
/** A stand-in engine for the stats unit tests: readings with a growing clock, and a container list. */
import type Docker from 'dockerode';
import type { RawStats } from '../../../src/main/services/stats/raw-stats';
import type { StatsReader } from '../../../src/main/services/stats/stats-reader';

export class FakeReader implements StatsReader {
  reads: string[][] = [];
  private tick = 0;
  closed = false;

  read(ids: readonly string[]): Promise<Map<string, RawStats>> {
    this.reads.push([...ids]);
    this.tick++;
    const result = new Map<string, RawStats>();
    for (const id of ids) result.set(id, reading(this.tick, id === 'busy' ? 1 : 0));
    return Promise.resolve(result);
  }

  close(): void {
    this.closed = true;
  }
}

/** One reading `tick` seconds in: `cores` of CPU used all along on a 2-core machine, 1 MiB of memory. */
export function reading(tick: number, cores: number): RawStats {
  return {
    read: new Date(Date.UTC(2026, 11, 4, 12, 0, tick)).toISOString(),
    cpu_stats: {
      cpu_usage: { total_usage: tick * cores * 1e9 },
      system_cpu_usage: tick * 2e9,
      online_cpus: 2,
    },
    memory_stats: { usage: 2 ** 20, limit: 2 ** 30, stats: { total_inactive_file: 0 } },
    pids_stats: { current: 3 },
    networks: { eth0: { rx_bytes: tick * 1000, tx_bytes: 0 } },
  };
}

export interface FakeContainer {
  id: string;
  name: string;
  project?: string;
  service?: string;
}

/** Just `listContainers`, which is all target resolution asks of the engine. */
export function fakeDocker(containers: () => FakeContainer[]): Docker {
  return {
    listContainers: () =>
      Promise.resolve(
        containers().map((c) => ({
          Id: c.id,
          Names: [`/${c.name}`],
          Labels: {
            ...(c.project ? { 'com.docker.compose.project': c.project } : {}),
            ...(c.service ? { 'com.docker.compose.service': c.service } : {}),
          },
        })),
      ),
  } as unknown as Docker;
}

/** One computed reading, with plausible figures unless overridden. */
export function containerStats(id: string, overrides: Partial<ContainerStats> = {}): ContainerStats {
  return {
    id,
    time: 0,
    cpuPercent: 50,
    cpuMachinePercent: 25,
    onlineCpus: 2,
    memoryBytes: 100,
    memoryLimitBytes: 1_000,
    memoryPercent: 10,
    memoryLimited: true,
    netRxBytes: 0,
    netTxBytes: 0,
    blockReadBytes: 0,
    blockWriteBytes: 0,
    netRxRate: 10,
    netTxRate: null,
    blockReadRate: 0,
    blockWriteRate: 0,
    pids: 2,
    ...overrides,
  };
}
