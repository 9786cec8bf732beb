import { z } from 'zod';

/**
 * GPU data the UI, the CLI and the Compose preflight consume. Every reading a tool may not report
 * (`[N/A]`, `[Not Supported]`, missing sensor) is `null`, never 0, so the UI can say "not reported".
 */

export const GpuVendorSchema = z.enum(['nvidia', 'amd', 'apple', 'intel', 'other']);
export type GpuVendor = z.infer<typeof GpuVendorSchema>;

/** A MIG slice of an NVIDIA GPU, as `nvidia-smi -L` and `-q -x` list it. */
export const MigDeviceSchema = z.object({
  /** MIG device index within its parent GPU (`Device 0`). */
  index: z.number(),
  uuid: z.string().nullable(),
  /** Profile name such as `3g.40gb` or `1c.3g.71gb`; null when only the XML reported it. */
  profile: z.string().nullable(),
  gpuInstanceId: z.number().nullable(),
  computeInstanceId: z.number().nullable(),
  memoryTotalMiB: z.number().nullable(),
  memoryUsedMiB: z.number().nullable(),
});
export type MigDevice = z.infer<typeof MigDeviceSchema>;

/** Point-in-time readings of one GPU; the live poller refreshes these. */
export const GpuMetricsSchema = z.object({
  /** Stable key: the UUID for NVIDIA, the PCI bus id otherwise. */
  gpuId: z.string(),
  utilizationPercent: z.number().nullable(),
  memoryUsedMiB: z.number().nullable(),
  memoryTotalMiB: z.number().nullable(),
  temperatureC: z.number().nullable(),
  powerDrawW: z.number().nullable(),
  powerLimitW: z.number().nullable(),
  /** Epoch ms when the sample was taken. */
  sampledAt: z.number(),
});
export type GpuMetrics = z.infer<typeof GpuMetricsSchema>;

export const GpuDeviceSchema = z.object({
  /** Stable key: the UUID for NVIDIA, the PCI bus id otherwise. */
  id: z.string(),
  vendor: GpuVendorSchema,
  /** The index Docker's `device_ids` and `CUDA_VISIBLE_DEVICES` use (nvidia-smi index / rocm card order). */
  index: z.number(),
  uuid: z.string().nullable(),
  name: z.string(),
  pciBusId: z.string().nullable(),
  driverVersion: z.string().nullable(),
  memoryTotalMiB: z.number().nullable(),
  /** CUDA compute capability such as `9.0`; null for non-NVIDIA GPUs or old drivers. */
  computeCapability: z.string().nullable(),
  /** null when the GPU does not support MIG. */
  migEnabled: z.boolean().nullable(),
  migDevices: z.array(MigDeviceSchema),
  /** `WDDM` on Windows hosts, `TCC`/`MCDM` on some datacenter cards; null on Linux. */
  driverModel: z.string().nullable(),
  metrics: GpuMetricsSchema.nullable(),
});
export type GpuDevice = z.infer<typeof GpuDeviceSchema>;

/** What each probe found or why it found nothing, so "no GPUs" always comes with a reason. */
export const GpuProbeReportSchema = z.object({
  probe: z.enum(['nvidia-smi', 'rocm-smi', 'amd-sysfs', 'system']),
  status: z.enum(['found', 'none', 'missing', 'failed', 'skipped']),
  /** The program or path that answered, e.g. `/usr/lib/wsl/lib/nvidia-smi`. */
  source: z.string().nullable(),
  detail: z.string().nullable(),
});
export type GpuProbeReport = z.infer<typeof GpuProbeReportSchema>;

export const HostGpuInventorySchema = z.object({
  gpus: z.array(GpuDeviceSchema),
  /** Highest CUDA version the NVIDIA driver supports, from `nvidia-smi -q -x`. */
  cudaVersion: z.string().nullable(),
  probes: z.array(GpuProbeReportSchema),
  detectedAt: z.number(),
});
export type HostGpuInventory = z.infer<typeof HostGpuInventorySchema>;

/** A process using a GPU, as nvidia-smi or rocm-smi reports it (host PIDs). */
export const GpuProcessSchema = z.object({
  pid: z.number(),
  /** UUID of the GPU (the parent GPU under MIG: nvidia-smi reports no MIG UUID here). */
  gpuUuid: z.string().nullable(),
  processName: z.string(),
  usedMemoryMiB: z.number().nullable(),
});
export type GpuProcess = z.infer<typeof GpuProcessSchema>;

export const ComposeServiceRefSchema = z.object({ project: z.string(), service: z.string() });
export type ComposeServiceRef = z.infer<typeof ComposeServiceRefSchema>;

/** One GPU process tied back to its container and compose service, when it runs in one. */
export const GpuProcessUsageSchema = GpuProcessSchema.extend({
  containerId: z.string().nullable(),
  containerName: z.string().nullable(),
  compose: ComposeServiceRefSchema.nullable(),
});
export type GpuProcessUsage = z.infer<typeof GpuProcessUsageSchema>;

export const GpuServiceUsageSchema = ComposeServiceRefSchema.extend({
  usedMemoryMiB: z.number().nullable(),
  processCount: z.number(),
});
export type GpuServiceUsage = z.infer<typeof GpuServiceUsageSchema>;

export const GpuUsageSchema = z.object({
  gpuId: z.string(),
  processes: z.array(GpuProcessUsageSchema),
  /** Per compose service on this GPU, memory summed over its processes. */
  services: z.array(GpuServiceUsageSchema),
  /** Memory used by processes outside any container, or in containers outside compose. */
  otherMemoryMiB: z.number(),
});
export type GpuUsage = z.infer<typeof GpuUsageSchema>;

/** What a service asks for: compose `deploy.resources.reservations.devices`, `gpus:`, or the engine's DeviceRequests. */
export const GpuRequestSchema = ComposeServiceRefSchema.extend({
  /** `all`, a number, or null when `deviceIds` pins GPUs instead. */
  count: z.union([z.literal('all'), z.number()]).nullable(),
  /** Indexes or UUIDs, as written. */
  deviceIds: z.array(z.string()),
  driver: z.string().nullable(),
  capabilities: z.array(z.string()),
  running: z.boolean(),
});
export type GpuRequest = z.infer<typeof GpuRequestSchema>;

/** A GPU request in a saved project's Compose files, with the folder that names the project for operations. */
export const DeclaredGpuRequestSchema = GpuRequestSchema.extend({ directory: z.string() });
export type DeclaredGpuRequest = z.infer<typeof DeclaredGpuRequestSchema>;

export const GpuConflictSchema = z.discriminatedUnion('kind', [
  /** Two running projects pinned to the same GPU. */
  z.object({
    kind: z.literal('shared-pin'),
    gpuId: z.string(),
    services: z.array(ComposeServiceRefSchema),
    message: z.string(),
  }),
  /** Running services ask for more GPUs than the host has, or pin one that does not exist. */
  z.object({
    kind: z.literal('over-subscribed'),
    requested: z.number(),
    available: z.number(),
    services: z.array(ComposeServiceRefSchema),
    message: z.string(),
  }),
  z.object({
    kind: z.literal('unknown-device'),
    deviceId: z.string(),
    services: z.array(ComposeServiceRefSchema),
    message: z.string(),
  }),
]);
export type GpuConflict = z.infer<typeof GpuConflictSchema>;

/** Can containers on this engine get GPUs? Shared by the GPU page, `berth gpus` and the Compose preflight. */
export const GpuCapabilitySchema = z.object({
  verdict: z.enum(['yes', 'no', 'unknown']),
  /** One sentence: why. */
  because: z.string(),
  /** What to do, when the verdict is not yes. */
  fix: z.string().nullable(),
  /** False when the engine is remote: the host GPUs Berth lists are not the engine's. */
  engineIsLocal: z.boolean(),
  runtimes: z.array(z.string()),
  defaultRuntime: z.string().nullable(),
  cdiSpecDirs: z.array(z.string()),
  /** CDI device names the engine discovered, e.g. `nvidia.com/gpu=0`. */
  cdiDevices: z.array(z.string()),
  dockerDesktop: z.boolean(),
  wsl2: z.boolean(),
});
export type GpuCapability = z.infer<typeof GpuCapabilitySchema>;

export const GpuOverviewSchema = z.object({
  inventory: HostGpuInventorySchema,
  capability: GpuCapabilitySchema.nullable(),
  usage: z.array(GpuUsageSchema),
  requests: z.array(GpuRequestSchema),
  conflicts: z.array(GpuConflictSchema),
});
export type GpuOverview = z.infer<typeof GpuOverviewSchema>;

/** How often the UI wants metrics: every 2 s while the GPU view is visible, slower in the background, never when hidden. */
export const GpuPollVisibilitySchema = z.enum(['visible', 'background', 'hidden']);
export type GpuPollVisibility = z.infer<typeof GpuPollVisibilitySchema>;
