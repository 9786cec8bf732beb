import { z } from 'zod';
import { ProjectRefSchema } from './projects';

/**
 * The cluster page's data: a swarm's nodes, stacks, services and tasks (the shapes of
 * `services/swarm/cluster-queries.ts`), a deploy's progress (`stack-events.ts`) and a Kubernetes export's result
 * (`kubernetes/kube-object.ts`). The handlers hand the services' values over as they are; the compiler checks that
 * these schemas accept them.
 */

/** Swarm's rule for stack and service names (swarmkit validateAnnotations): a DNS name component. */
export const StackNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(
    /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/,
    'A stack name has letters and digits, with "-" or "_" only between them (e.g. "ml-stack")',
  );

/** A swarm service by its name (`<stack>_<service>`) or id; nothing that could change the request's path. */
export const ServiceRefSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A service is named by letters, digits, "_", "." and "-" only');

export const ClusterNodeSchema = z.object({
  id: z.string(),
  hostname: z.string(),
  role: z.string(),
  leader: z.boolean(),
  availability: z.string(),
  state: z.string(),
  message: z.string().optional(),
  address: z.string().optional(),
  engineVersion: z.string().optional(),
  os: z.string().optional(),
  architecture: z.string().optional(),
  cpus: z.number().optional(),
  memoryBytes: z.number().optional(),
  genericResources: z.array(z.object({ kind: z.string(), count: z.number() })),
  labels: z.record(z.string(), z.string()),
  /** The node of the engine Berth is connected to. */
  self: z.boolean(),
});
export type ClusterNode = z.infer<typeof ClusterNodeSchema>;

export const StackSummarySchema = z.object({ name: z.string(), services: z.number() });
export type StackSummary = z.infer<typeof StackSummarySchema>;

export const StackServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  stack: z.string().nullable(),
  mode: z.enum(['replicated', 'global', 'replicated-job', 'global-job']),
  desired: z.number(),
  running: z.number(),
  image: z.string(),
  ports: z.array(z.string()),
  updateState: z.string().optional(),
  updateMessage: z.string().optional(),
  canRollback: z.boolean(),
});
export type StackService = z.infer<typeof StackServiceSchema>;

export const StackTaskSchema = z.object({
  id: z.string(),
  name: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  slot: z.number().optional(),
  nodeId: z.string().optional(),
  node: z.string().optional(),
  desiredState: z.string(),
  state: z.string(),
  since: z.string().optional(),
  /** The engine's error for a failed or pending task ("no suitable node (insufficient resources on 2 nodes)"). */
  error: z.string().optional(),
  message: z.string().optional(),
  containerId: z.string().optional(),
  exitCode: z.number().optional(),
  image: z.string(),
  ports: z.array(z.string()),
  onThisEngine: z.boolean(),
});
export type StackTask = z.infer<typeof StackTaskSchema>;

export const ClusterViewInputSchema = z
  .object({
    /** Only this stack's services and tasks (nodes are always all). */
    stack: StackNameSchema.optional(),
  })
  .strict();

export const ClusterViewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('nodes'), nodes: z.array(ClusterNodeSchema) }),
  z.object({
    type: z.literal('services'),
    stacks: z.array(StackSummarySchema),
    services: z.array(StackServiceSchema),
  }),
  z.object({ type: z.literal('tasks'), tasks: z.array(StackTaskSchema) }),
  /** The engine is not a swarm manager, or can't be reached; the view waits for it. */
  z.object({ type: z.literal('unavailable'), reason: z.string(), fix: z.string().optional() }),
]);
export type ClusterViewMessage = z.infer<typeof ClusterViewMessageSchema>;

export const ScaleInputSchema = z
  .object({
    service: ServiceRefSchema,
    replicas: z.number().int('Give a whole number of replicas').min(0).max(10_000),
  })
  .strict();

export const ServiceActionResultSchema = z.object({
  /** `<stack>_<service>`. */
  service: z.string(),
  /** Tasks the service now asks for (replicated services). */
  replicas: z.number().nullable(),
});

export const RemoveStackInputSchema = z
  .object({
    stack: StackNameSchema,
    /** Must equal the stack's name: the user typed it after seeing what the stack holds. */
    confirmName: z.string().max(255),
  })
  .strict();

export const RemoveStackResultSchema = z.object({
  services: z.number(),
  networks: z.number(),
  secrets: z.number(),
  configs: z.number(),
});

export const StackFindingSchema = z.object({
  service: z.string(),
  property: z.string(),
  level: z.enum(['ignored', 'converted', 'error']),
  message: z.string(),
});
export type StackFinding = z.infer<typeof StackFindingSchema>;

const StackObjectKindSchema = z.enum(['network', 'secret', 'config', 'service']);

export const StackProgressEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('finding'), finding: StackFindingSchema }),
  z.object({
    type: z.literal('step'),
    object: StackObjectKindSchema,
    name: z.string(),
    action: z.enum(['create', 'update', 'unchanged', 'remove', 'verify']),
    state: z.enum(['started', 'done', 'failed']),
    changes: z.array(z.string()).optional(),
    message: z.string().optional(),
  }),
  z.object({ type: z.literal('warning'), name: z.string(), message: z.string() }),
  z.object({
    type: z.literal('undo'),
    object: StackObjectKindSchema,
    name: z.string(),
    action: z.enum(['remove', 'rollback']),
    state: z.enum(['done', 'failed']),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('tasks'),
    services: z.array(
      z.object({
        name: z.string(),
        running: z.number(),
        desired: z.number().nullable(),
        updateState: z.string().optional(),
      }),
    ),
  }),
  z.object({ type: z.literal('converged') }),
]);
export type StackProgressEvent = z.infer<typeof StackProgressEventSchema>;

export const StackDeployInputSchema = z
  .object({
    /** A project Berth knows (Projects page), deployed with its saved files and Berth's GPU pins. */
    project: ProjectRefSchema,
    stack: StackNameSchema,
    /** Remove services of the stack that the project no longer has. */
    prune: z.boolean().optional(),
    /** Every node has the images already: don't require them in a registry (multi-node swarms). */
    imagesPreloaded: z.boolean().optional(),
    /** Finish only once every service runs its desired tasks. */
    wait: z.boolean().optional(),
  })
  .strict();
export type StackDeployInput = z.input<typeof StackDeployInputSchema>;

export const StackDeployMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), event: StackProgressEventSchema }),
  /** The deploy finished: `changed` objects were created, updated or removed (0: the stack was up to date). */
  z.object({ type: z.literal('done'), stack: z.string(), changed: z.number() }),
]);
export type StackDeployMessage = z.infer<typeof StackDeployMessageSchema>;

export const ExportKubernetesInputSchema = z.object({ project: ProjectRefSchema }).strict();

export const ExportFindingSchema = z.object({
  /** The Compose service, or null for a top-level volume, secret or config. */
  service: z.string().nullable(),
  property: z.string(),
  level: z.enum(['unmapped', 'converted']),
  message: z.string(),
});
export type ExportFinding = z.infer<typeof ExportFindingSchema>;

export const ExportKubernetesResultSchema = z.object({
  project: z.string(),
  /** The folder the manifests went to; null when the user cancelled the folder choice (nothing was written). */
  directory: z.string().nullable(),
  /** The files written, one per object. */
  files: z.array(z.string()),
  /** Objects exported (and validated against the Kubernetes schemas). */
  manifests: z.number(),
  /** What could not be mapped, or was mapped with a change worth knowing, per service. */
  findings: z.array(ExportFindingSchema),
});
export type ExportKubernetesResult = z.infer<typeof ExportKubernetesResultSchema>;
