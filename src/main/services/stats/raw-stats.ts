/**
 * The parts of one `GET /containers/{id}/stats` answer Berth reads (Linux engines, cgroup v1 and v2). Every field is
 * optional: a stopped container answers zeros and nulls, an old engine leaves fields out.
 */
export interface RawStats {
  id?: string;
  name?: string;
  /** RFC 3339; `0001-01-01T00:00:00Z` when the container isn't running. */
  read?: string;
  pids_stats?: { current?: number };
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  cpu_stats?: RawCpuStats;
  /** Filled when the engine took two readings (streaming, or `stream=false` without `one-shot`). */
  precpu_stats?: RawCpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
}

export interface RawCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  /** Host CPU time in ns, all cores together (cgroup v1 and v2 alike, read from /proc/stat). */
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The counters of one reading that the next one needs for its deltas. */
export interface Counters {
  time: number;
  cpuTotal: number;
  systemTotal: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
}
