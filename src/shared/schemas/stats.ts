import { z } from 'zod';

/**
 * One reading of one running container, computed as `docker stats` computes it (Linux engines): CPU % where 100 is
 * one core (so up to cores × 100), memory without the page cache, and the network and block I/O totals since the
 * container started. Rates are per second since the previous reading; null on the first one.
 */
export const ContainerStatsSchema = z.object({
  id: z.string(),
  /** Epoch ms at which the engine read the cgroup. */
  time: z.number(),
  /** `docker stats`' CPU %: 100 is one core; null until two readings exist. */
  cpuPercent: z.number().nullable(),
  /** Share of the whole machine (all its cores): `cpuPercent / onlineCpus`. */
  cpuMachinePercent: z.number().nullable(),
  onlineCpus: z.number().int(),
  /** Memory in use without the page cache (inactive file pages), as `docker stats` shows it. */
  memoryBytes: z.number(),
  /** The container's limit (`mem_limit`), or the machine's memory when it has none. */
  memoryLimitBytes: z.number(),
  memoryPercent: z.number(),
  /** True when `memoryLimitBytes` is a limit set for the container rather than the machine's memory. */
  memoryLimited: z.boolean(),
  netRxBytes: z.number(),
  netTxBytes: z.number(),
  blockReadBytes: z.number(),
  blockWriteBytes: z.number(),
  netRxRate: z.number().nullable(),
  netTxRate: z.number().nullable(),
  blockReadRate: z.number().nullable(),
  blockWriteRate: z.number().nullable(),
  pids: z.number().int(),
});
export type ContainerStats = z.infer<typeof ContainerStatsSchema>;

/** GPU figures of one compose service, from the GPU usage map (nvidia-smi / rocm-smi processes). */
export const GpuFiguresSchema = z.object({
  memoryMiB: z.number(),
  /** Utilisation of the GPUs it runs on; null when another process shares them (the GPU can't tell who used what). */
  utilizationPercent: z.number().nullable(),
  gpuIds: z.array(z.string()),
});
export type GpuFigures = z.infer<typeof GpuFiguresSchema>;

/** Sums over a group of containers (a service's replicas, a project's services). Rates and CPU add up. */
export const StatsTotalsSchema = z.object({
  containers: z.number().int(),
  cpuPercent: z.number().nullable(),
  cpuMachinePercent: z.number().nullable(),
  memoryBytes: z.number(),
  /** Sum of the members' limits; null when any member has none (it could then use the whole machine). */
  memoryLimitBytes: z.number().nullable(),
  netRxRate: z.number().nullable(),
  netTxRate: z.number().nullable(),
  blockReadRate: z.number().nullable(),
  blockWriteRate: z.number().nullable(),
  pids: z.number().int(),
  gpu: GpuFiguresSchema.nullable(),
});
export type StatsTotals = z.infer<typeof StatsTotalsSchema>;

export const ServiceStatsSchema = StatsTotalsSchema.extend({ project: z.string(), service: z.string() });
export type ServiceStats = z.infer<typeof ServiceStatsSchema>;
export const ProjectStatsSchema = StatsTotalsSchema.extend({ project: z.string() });
export type ProjectStats = z.infer<typeof ProjectStatsSchema>;

/** A container the stream samples; samples point at it by `id`. */
export const StatsTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  project: z.string().nullable(),
  service: z.string().nullable(),
});
export type StatsTarget = z.infer<typeof StatsTargetSchema>;

const names = z.array(z.string().min(1).max(200)).max(2_000);

/**
 * What the consumer can see, so only that is sampled: containers (by id or name), compose services (their
 * replicas), whole projects, or every running container (`all`, the engine-wide table). Nothing selected: nothing
 * is sampled and the engine is left alone.
 */
export const StatsSelectionSchema = z
  .object({
    containers: names.default([]),
    services: z
      .array(z.object({ project: z.string().min(1).max(200), service: z.string().min(1).max(200) }).strict())
      .max(2_000)
      .default([]),
    projects: names.default([]),
    all: z.boolean().default(false),
  })
  .strict();
export type StatsSelection = z.infer<typeof StatsSelectionSchema>;

export const StatsStreamInputSchema = z
  .object({
    selection: StatsSelectionSchema.default({ containers: [], services: [], projects: [], all: false }),
    /** Send the recent readings of each newly visible container first (sparklines of the last minutes). */
    history: z.boolean().default(true),
  })
  .strict();
export type StatsStreamInput = z.infer<typeof StatsStreamInputSchema>;
export type StatsStreamRequest = z.input<typeof StatsStreamInputSchema>;

/** What the consumer sends while the stream runs: the new visible set (the window scrolled, a card closed). */
export const StatsStreamUpdateSchema = z
  .object({ type: z.literal('select'), selection: StatsSelectionSchema })
  .strict();
export type StatsStreamUpdate = z.infer<typeof StatsStreamUpdateSchema>;

export const StatsMessageSchema = z.discriminatedUnion('type', [
  /** The running containers sampled now; sent when the set changes. */
  z.object({ type: z.literal('targets'), targets: z.array(StatsTargetSchema) }),
  /** Earlier readings of containers that just became visible, oldest first. */
  z.object({ type: z.literal('history'), samples: z.array(ContainerStatsSchema) }),
  /** One round of readings, with the sums per service and per project over every visible container. */
  z.object({
    type: z.literal('samples'),
    samples: z.array(ContainerStatsSchema),
    services: z.array(ServiceStatsSchema),
    projects: z.array(ProjectStatsSchema),
  }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning']), text: z.string() }),
]);
export type StatsMessage = z.infer<typeof StatsMessageSchema>;

/** Flow-control cost: about the serialized size, without serializing. */
export function statsMessageCost(message: StatsMessage): number {
  switch (message.type) {
    case 'targets':
      return 64 + message.targets.length * 120;
    case 'history':
      return 64 + message.samples.length * 300;
    case 'samples':
      return 64 + (message.samples.length + message.services.length + message.projects.length) * 300;
    case 'notice':
      return 64 + message.text.length;
  }
}
