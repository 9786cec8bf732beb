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
});
export type Template = z.infer<typeof TemplateSchema>;
