import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Resident memory of a process now (MB), from /proc/<pid>/status. */
export function processRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** CPU time the given processes use while `during` runs. */
export async function cpuMsDuring(pids: number[], during: () => Promise<void>): Promise<number> {
  const total = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const before = total();
  await during();
  return total() - before;
}

/**
 * The machine engine's dockerd and its containerd (not the private engines tests start): from their pid files, as
 * tests/support/provision/docker-engine.sh and dockerd write them.
 */
export function mainEnginePids(): number[] {
  const fromFile = (file: string) => {
    try {
      return [Number(readFileSync(file, 'utf8').trim())].filter((pid) => pid > 0);
    } catch {
      return [];
    }
  };
  const dockerd = [...fromFile('/var/run/berth-dockerd.pid'), ...fromFile('/var/run/docker.pid')].slice(0, 1);
  return [...dockerd, ...fromFile('/var/run/docker/containerd/containerd.pid')];
}
