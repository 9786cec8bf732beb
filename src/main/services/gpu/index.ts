/** The GPU layer's public surface, for the IPC handlers, the CLI and the Compose preflight. */
export { GpuService, type GpuServiceOptions, type GpuEngine } from './gpu-service';
export { GpuMetricsPoller, DEFAULT_POLL_INTERVALS, type PollerIntervals, type PollerMode } from './metrics-poller';
export { assessGpuCapability, type EngineInfoForGpus, type CapabilityContext } from './engine-capability';
export { requestsFromComposeService, requestsFromDeviceRequests, type EngineDeviceRequest } from './gpu-requests';
export { findGpuConflicts, resolveRequestedGpus } from './gpu-conflicts';
export { gpuAssignmentOverride, type GpuAssignment } from './gpu-assignment-override';
export { dockerodeGpuAccess, type GpuDockerAccess, type GpuContainer } from './docker-access';
export { detectHostGpus, locateNvidiaSmi, type HostDetectionOptions } from './detect-host-gpus';
export type { OtherGpuProbe } from './other-gpus';
export type { MetricsSource } from './metrics-source';
export { containerIdForPid, containerIdFromCgroup } from './pid-to-container';
