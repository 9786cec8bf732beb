import { z } from 'zod';

/** A project the user added to Berth: a folder and, optionally, the compose files and profiles to use. */
export const SavedProjectSchema = z.object({
  /** Absolute path of the project folder. */
  directory: z.string(),
  /** Compose files relative to the folder; empty means Compose's defaults (compose.yaml…). */
  files: z.array(z.string()),
  addedAt: z.number(),
});
export type SavedProject = z.infer<typeof SavedProjectSchema>;

export const ProjectsStateSchema = z.object({
  version: z.literal(1),
  projects: z.array(SavedProjectSchema),
});
export type ProjectsState = z.infer<typeof ProjectsStateSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  description: z.string(),
  /** `optional`: the user picks GPU on or off; `none`: the stack has nothing to accelerate. */
  gpu: z.enum(['optional', 'none']),
  links: z.array(z.object({ service: z.string(), port: z.number(), label: z.string(), path: z.string().optional() })),
  /** About how much the images weigh to download (GB), to say before creating; `withGpu` for the GPU variant. */
  downloadGb: z.object({ withoutGpu: z.number(), withGpu: z.number().optional() }).optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

const AbsolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value), 'must be an absolute path');

/** Compose's rule for project names. */
export const ProjectNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/)
  .max(255);

/** A saved project by its folder, or one found on the engine by its name. */
export const ProjectRefSchema = z.union([
  z.object({ directory: AbsolutePathSchema }).strict(),
  z.object({ name: ProjectNameSchema }).strict(),
]);
export type ProjectRef = z.infer<typeof ProjectRefSchema>;

export const ProjectSummarySchema = z.object({
  name: z.string(),
  /** The project folder; null for a project known only from the engine whose folder Berth can't see. */
  directory: z.string().nullable(),
  configFiles: z.array(z.string()),
  /** Added to Berth by the user (false: discovered on the engine, e.g. started with the Compose CLI). */
  saved: z.boolean(),
  /** Why the files could not be loaded, when they could not. */
  problem: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const AddProjectInputSchema = z.object({ directory: AbsolutePathSchema }).strict();

export const StackSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** `file`: a compose file (included or one of a -f set); `profile`: a Compose profile. */
  kind: z.enum(['file', 'profile']),
  /** The compose file relative to the project folder, for `file` stacks. */
  file: z.string().nullable(),
  services: z.array(z.string()),
});
export type Stack = z.infer<typeof StackSchema>;

export const ServiceGpuSchema = z.object({
  count: z.union([z.literal('all'), z.number()]).nullable(),
  deviceIds: z.array(z.string()),
  /** GPUs pinned from Berth (its own override), when there is a pin. */
  assigned: z.array(z.string()).nullable(),
});

export const ServiceInfoSchema = z.object({
  name: z.string(),
  image: z.string().nullable(),
  build: z.boolean(),
  profiles: z.array(z.string()),
  dependsOn: z.array(z.string()),
  ports: z.array(z.object({ published: z.number().nullable(), target: z.number(), protocol: z.string() })),
  gpu: ServiceGpuSchema.nullable(),
  healthcheck: z.boolean(),
  /** Has `develop.watch` rules (the project's Watch toggle follows them). */
  watch: z.boolean().optional(),
});
export type ServiceInfo = z.infer<typeof ServiceInfoSchema>;

export const ProjectDetailSchema = z.object({
  name: z.string(),
  directory: z.string(),
  configFiles: z.array(z.string()),
  stacks: z.array(StackSchema),
  services: z.array(ServiceInfoSchema),
  /** Named volumes as the engine knows them (`<project>_<name>` unless `name:` says otherwise). */
  volumes: z.array(z.string()),
  hasEnvFile: z.boolean(),
  warnings: z.array(z.string()),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const ComposeActionSchema = z.enum(['up', 'start', 'stop', 'restart', 'down', 'pull', 'build']);
export type ComposeAction = z.infer<typeof ComposeActionSchema>;

export const ComposeOperationInputSchema = z
  .object({
    project: ProjectRefSchema,
    action: ComposeActionSchema,
    /** Limit to these services (up also starts what they depend on); empty: the whole project. */
    services: z.array(z.string().max(255)).max(500).default([]),
    /** `down` only: the named volumes the user confirmed; down removes volumes only when they match exactly. */
    removeVolumes: z.array(z.string().max(255)).max(500).optional(),
    /** `up` only: run the services that request GPUs without them ("Start without GPU"), through Berth's override. */
    withoutGpu: z.boolean().optional(),
  })
  .strict();
export type ComposeOperationInput = z.input<typeof ComposeOperationInputSchema>;

export const EnvFileSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  text: z.string(),
  /** Keys whose values the editor masks until revealed. */
  secretKeys: z.array(z.string()),
});
export type EnvFile = z.infer<typeof EnvFileSchema>;

export const WriteEnvInputSchema = z
  .object({ project: z.object({ directory: AbsolutePathSchema }).strict(), text: z.string().max(1_000_000) })
  .strict();

/** An absolute path, or one under the user's home written `~/…` (main expands it: the renderer can't know the home). */
const HomeOrAbsolutePathSchema = z.union([AbsolutePathSchema, z.string().regex(/^~\/[^\0]{1,4000}$/)]);

export const CreateFromTemplateInputSchema = z
  .object({ templateId: z.string().regex(/^[a-z0-9-]+$/), directory: HomeOrAbsolutePathSchema, gpu: z.boolean() })
  .strict();

export const GpuAssignmentSchema = z.object({
  project: z.string(),
  service: z.string(),
  deviceIds: z.array(z.string()),
});

export const AssignGpusInputSchema = z
  .object({
    project: ProjectNameSchema,
    service: z.string().min(1).max(255),
    /** GPU indexes or UUIDs; null removes Berth's pin. */
    deviceIds: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9:_.-]+$/)
          .max(128),
      )
      .max(64)
      .nullable(),
  })
  .strict();
