import { z } from 'zod';

export const EndpointSchema = z.object({
  /** Transport to the engine. */
  kind: z.enum(['unix', 'npipe', 'tcp', 'ssh']),
  /** Human-readable address, e.g. `unix:///var/run/docker.sock` or `tcp://10.0.0.2:2376`. */
  address: z.string(),
  /** Where the address came from, so the UI can say why Berth talks to this engine. */
  source: z.enum(['DOCKER_HOST', 'DOCKER_CONTEXT', 'context', 'default', 'podman', 'docker-desktop', 'colima']),
  /** Docker context name when the address came from one. */
  context: z.string().optional(),
  tls: z.boolean(),
  /** False for ssh and non-loopback tcp endpoints: host GPUs and paths are not the engine's. */
  local: z.boolean(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export const EngineInfoSchema = z.object({
  /** The engine host's name (`docker info` Name); `flavor` says which product runs it. */
  name: z.string(),
  serverVersion: z.string(),
  apiVersion: z.string(),
  os: z.string(),
  osType: z.string(),
  architecture: z.string(),
  kernelVersion: z.string(),
  runtimes: z.array(z.string()),
  defaultRuntime: z.string(),
  cpus: z.number(),
  memoryBytes: z.number(),
  containers: z.object({ total: z.number(), running: z.number(), paused: z.number(), stopped: z.number() }),
  images: z.number(),
  storageDriver: z.string(),
  /** Podman, Docker Desktop and friends identify themselves here. */
  flavor: z.enum(['docker', 'docker-desktop', 'podman', 'colima', 'other']),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const ConnectionStatusSchema = z.enum(['connecting', 'connected', 'unreachable']);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

export const EngineStateSchema = z.object({
  status: ConnectionStatusSchema,
  endpoint: EndpointSchema.nullable(),
  /** Present while connected. */
  info: EngineInfoSchema.nullable(),
  /** Why the engine is unreachable, e.g. `connect ENOENT /var/run/docker.sock`. */
  reason: z.string().nullable(),
  /** How to fix it, e.g. how to start an engine. */
  fix: z.string().nullable(),
  /** Epoch ms of the next reconnect attempt while unreachable. */
  nextRetryAt: z.number().nullable(),
  /** Epoch ms when `status` last changed; retries while unreachable keep it. */
  since: z.number(),
});
export type EngineState = z.infer<typeof EngineStateSchema>;

/** The subset of a Docker engine event the UI uses (see Engine API `/events`). */
export const EngineEventSchema = z.object({
  type: z.string(),
  action: z.string(),
  id: z.string(),
  attributes: z.record(z.string(), z.string()),
  timeNano: z.number(),
});
export type EngineEvent = z.infer<typeof EngineEventSchema>;
