import { z } from 'zod';
import { ContainerRefSchema } from './containers';

const Size = {
  cols: z.number().int().min(2).max(1000),
  rows: z.number().int().min(1).max(1000),
};

/** Shells tried, in order, when the user didn't choose one: images without bash are common. */
export const DEFAULT_SHELLS = ['bash', 'sh'] as const;

/** A shell inside a container, through the Docker exec API with a TTY. */
export const ContainerTerminalInputSchema = z
  .object({
    target: z.literal('container'),
    containerId: ContainerRefSchema,
    /** The user's choice of shell (name or absolute path); default: bash, then sh. */
    shell: z.string().min(1).max(256).optional(),
    user: z.string().min(1).max(256).optional(),
    workdir: z.string().min(1).max(4096).optional(),
    /** `KEY=value` entries added to the shell's environment. */
    env: z
      .array(
        z
          .string()
          .regex(/^[^=\0]+=[^\0]*$/, 'env entries must look like KEY=value')
          .max(32_768),
      )
      .max(256)
      .optional(),
    ...Size,
  })
  .strict();

/** The user's login shell on this machine, through node-pty. */
export const HostTerminalInputSchema = z
  .object({
    target: z.literal('host'),
    /** The project folder the shell starts in (absolute); default: the home directory. */
    cwd: z
      .string()
      .max(4096)
      .regex(/^(\/|[A-Za-z]:[\\/])/, 'cwd must be an absolute path')
      .optional(),
    ...Size,
  })
  .strict();

export const TerminalOpenInputSchema = z.discriminatedUnion('target', [
  ContainerTerminalInputSchema,
  HostTerminalInputSchema,
]);
export type TerminalOpenInput = z.infer<typeof TerminalOpenInputSchema>;
export type ContainerTerminalInput = z.infer<typeof ContainerTerminalInputSchema>;
export type HostTerminalInput = z.infer<typeof HostTerminalInputSchema>;

/**
 * Producer → consumer: raw terminal output as bytes (never decoded before xterm sees it), plus two
 * control messages: which shell started, and how the process ended.
 */
export const TerminalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), shell: z.string() }),
  /** `exitCode` is null when the engine could not tell (the container went away). */
  z.object({ type: z.literal('exit'), exitCode: z.number().int().nullable() }),
]);
export type TerminalEvent = z.infer<typeof TerminalEventSchema>;

export const TerminalMessageSchema = z.union([z.instanceof(Uint8Array), TerminalEventSchema]);
export type TerminalMessage = z.infer<typeof TerminalMessageSchema>;

/** Consumer → producer, besides keystrokes (sent as bytes or text). */
export const TerminalResizeSchema = z.object({ type: z.literal('resize'), ...Size }).strict();
export type TerminalResize = z.infer<typeof TerminalResizeSchema>;

/** What a consumer may send on a terminal stream: keystrokes (bytes or text) or a resize. */
export const TerminalInboundSchema = z.union([
  z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= 1024 * 1024, 'keystrokes of at most 1 MiB a message'),
  z.string().max(1024 * 1024),
  TerminalResizeSchema,
]);
