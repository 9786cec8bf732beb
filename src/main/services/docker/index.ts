export { EngineConnection, type EngineConnectionOptions } from './engine-connection';
export { probeEngine, type ProbeEngineOptions } from './probe-engine';
export { resolveEndpoint, type ResolveEndpointOptions } from './resolve-endpoint';
export type { EngineTarget, ResolvedEndpoint, TlsSettings } from './engine-target';
export { createDockerClient } from './docker-client';
export { toEngineInfo, detectFlavor } from './engine-info';
export { toEngineEvent } from './engine-event';
