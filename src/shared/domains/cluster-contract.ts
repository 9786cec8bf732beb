import {
  ClusterViewInputSchema,
  ClusterViewMessageSchema,
  ExportKubernetesInputSchema,
  ExportKubernetesResultSchema,
  RemoveStackInputSchema,
  RemoveStackResultSchema,
  ScaleInputSchema,
  ServiceActionResultSchema,
  ServiceRefSchema,
  StackDeployInputSchema,
  StackDeployMessageSchema,
} from '../schemas/cluster';
import { z } from 'zod';

/** The `cluster.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const clusterOperations = {
  /** Like `docker service scale`: only the replica count changes. */
  'cluster.scale': { input: ScaleInputSchema, output: ServiceActionResultSchema },
  /** Like `docker service rollback`: back to the spec before the last update. */
  'cluster.rollback': {
    input: z.object({ service: ServiceRefSchema }).strict(),
    output: ServiceActionResultSchema,
  },
  /** Like `docker stack rm`, once `confirmName` repeats the stack's name; waits until its tasks are gone. */
  'cluster.removeStack': { input: RemoveStackInputSchema, output: RemoveStackResultSchema },
  /** The project as Kubernetes manifests, validated, written to a folder the user picks. */
  'cluster.exportKubernetes': { input: ExportKubernetesInputSchema, output: ExportKubernetesResultSchema },
} as const;

export const clusterStreams = {
  /** Nodes, stacks, services and tasks, each section sent whole when the engine says it changed. */
  clusterView: { input: ClusterViewInputSchema, message: ClusterViewMessageSchema },
  /** One deploy of a project as a Swarm stack: its findings and steps, then `done`; closing it cancels the deploy. */
  stackDeploy: { input: StackDeployInputSchema, message: StackDeployMessageSchema },
} as const;
