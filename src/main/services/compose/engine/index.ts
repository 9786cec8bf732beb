/** The Compose engine's public API. */
export {
  ComposeEngine,
  type ComposeEngineOptions,
  type OperationOptions,
  type StopOptions,
  type UpOptions,
} from './compose-engine';
export { applyContext, applyPlan } from './apply/apply-plan';
export type { ApplyContext, ApplyOptions } from './apply/apply-context';
export { planUp, type PullPolicy, type RecreatePolicy, type UpPlanOptions } from './plan/plan-up';
export {
  planDown,
  planRemove,
  planRestart,
  planStart,
  planStop,
  type DownPlanOptions,
  type RemovePlanOptions,
} from './plan/plan-lifecycle';
export type { ContainerRef, CreateReason, Plan, Step, StepKind } from './plan/steps';
export { observeProject, type ObservedContainer, type ObservedState } from './observe/observed-state';
export { listProjects, listServiceContainers, type ProjectRow, type ServiceContainerRow } from './observe/listings';
export { containerSpec, expectedConfigHash, type ContainerSpec } from './spec/container-spec';
export { configHash } from './config-hash';
export { gpuPreflight, gpuServicesOf, type GpuCapabilityCheck } from './gpu/gpu-preflight';
export { projectWithoutGpus, withoutGpuOverride, writeWithoutGpuOverride } from './gpu/without-gpu';
export { registryAuthFromDockerConfig, type RegistryAuthLookup } from './image/registry-auth';
export { ProjectLocks } from './operation-lock';
export { COMPOSE_COMPAT_VERSION, containerName, networkName, volumeName } from './naming';
export { projectByName } from './project-by-name';
