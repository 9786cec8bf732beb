import { z } from 'zod';
import { clusterOperations, clusterStreams } from './domains/cluster-contract';
import { diskOperations, diskStreams } from './domains/disk-contract';
import { enginesOperations, enginesStreams } from './domains/engines-contract';
import { statsOperations, statsStreams } from './domains/stats-contract';
import type { ErrorPayload, Result } from './errors';
import type { OPERATION_NAMES, STREAM_KINDS } from './operation-names';
import { ContainerRefSchema, ContainerSummarySchema } from './schemas/containers';
import { EngineStateSchema } from './schemas/engine';
import { EventsMessageSchema } from './schemas/events';
import { ComposeOperationMessageSchema } from './schemas/compose-progress';
import { DeclaredGpuRequestSchema, GpuMetricsSchema, GpuOverviewSchema } from './schemas/gpu';
import { LogsMessageSchema, LogsStreamInputSchema, logsMessageCost } from './schemas/logs';
import {
  AddProjectInputSchema,
  AssignGpusInputSchema,
  ComposeOperationInputSchema,
  CreateFromTemplateInputSchema,
  EnvFileSchema,
  GpuAssignmentSchema,
  ProjectDetailSchema,
  ProjectRefSchema,
  ProjectSummarySchema,
  TemplateSchema,
  WriteEnvInputSchema,
} from './schemas/projects';
import { WatchMessageSchema, WatchOpenInputSchema } from './schemas/watch';
import { TerminalInboundSchema, TerminalMessageSchema, TerminalOpenInputSchema } from './schemas/terminal';
import {
  BindMountTargetSchema,
  DeleteEntryInputSchema,
  DirectoryPageSchema,
  DirectorySizeSchema,
  EntryInputSchema,
  ListDirectoryInputSchema,
  MakeDirectoryInputSchema,
  MAX_UPLOAD_CHUNK_BYTES,
  MutationResultSchema,
  PreviewInputSchema,
  PreviewSchema,
  PruneInputSchema,
  PruneResultSchema,
  RemoveVolumeInputSchema,
  RenameInputSchema,
  TransferInputSchema,
  TransferMessageSchema,
  VolumeListSchema,
  VolumeSizeSchema,
} from './schemas/volumes';

export interface StreamContract {
  input: z.ZodType;
  message: z.ZodType;
  /** What the consumer may send (`handle.send`); checked in main before the producer sees it. None: one-way stream. */
  inbound?: z.ZodType;
  /** Flow-control window for this kind; FLOW_CONTROL (stream-protocol.ts) when absent. */
  flow?: { highWatermark: number; lowWatermark: number };
  /** The flow-control cost of one message, computed once by the producer; `messageCost` when absent. */
  cost?: (message: never) => number;
}

/** Operations that take no input reject anything but `undefined`. */
const NoInput = z.undefined();

export const operations = {
  'app.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
  'engine.state': { input: NoInput, output: EngineStateSchema },
  'containers.list': { input: NoInput, output: z.array(ContainerSummarySchema) },
  'containers.jupyterToken': {
    input: z.object({ id: ContainerRefSchema }).strict(),
    output: z.object({ token: z.string().nullable() }),
  },
  'gpus.overview': { input: NoInput, output: GpuOverviewSchema },
  'gpus.assignments': { input: NoInput, output: z.array(GpuAssignmentSchema) },
  'gpus.assign': { input: AssignGpusInputSchema, output: z.object({ assignments: z.array(GpuAssignmentSchema) }) },
  /** What the saved projects' Compose files ask for, created or not (the GPU page's "services that request GPUs"). */
  'gpus.declaredRequests': { input: NoInput, output: z.array(DeclaredGpuRequestSchema) },
  'projects.list': { input: NoInput, output: z.array(ProjectSummarySchema) },
  'projects.pickFolder': {
    input: z.object({ purpose: z.enum(['open', 'create']) }).strict(),
    output: z.object({ directory: z.string().nullable() }),
  },
  'projects.add': { input: AddProjectInputSchema, output: ProjectSummarySchema },
  'projects.remove': { input: AddProjectInputSchema, output: z.object({ removed: z.boolean() }) },
  'projects.detail': { input: z.object({ project: ProjectRefSchema }).strict(), output: ProjectDetailSchema },
  'projects.readEnv': { input: AddProjectInputSchema, output: EnvFileSchema },
  'projects.writeEnv': { input: WriteEnvInputSchema, output: z.object({ saved: z.literal(true) }) },
  'templates.list': { input: NoInput, output: z.array(TemplateSchema) },
  'templates.create': { input: CreateFromTemplateInputSchema, output: ProjectSummarySchema },
  'volumes.list': { input: NoInput, output: VolumeListSchema },
  'volumes.sizes': { input: NoInput, output: z.array(VolumeSizeSchema) },
  'volumes.listDirectory': { input: ListDirectoryInputSchema, output: DirectoryPageSchema },
  'volumes.preview': { input: PreviewInputSchema, output: PreviewSchema },
  'volumes.directorySize': { input: EntryInputSchema, output: DirectorySizeSchema },
  'volumes.makeDirectory': { input: MakeDirectoryInputSchema, output: MutationResultSchema },
  'volumes.rename': { input: RenameInputSchema, output: MutationResultSchema },
  'volumes.deleteEntry': { input: DeleteEntryInputSchema, output: MutationResultSchema },
  'volumes.remove': { input: RemoveVolumeInputSchema, output: z.object({ removed: z.string() }) },
  'volumes.prune': { input: PruneInputSchema, output: PruneResultSchema },
  'volumes.revealBindMount': { input: BindMountTargetSchema, output: z.object({ shown: z.boolean() }) },
  ...statsOperations,
  ...diskOperations,
  ...enginesOperations,
  ...clusterOperations,
} as const satisfies Record<(typeof OPERATION_NAMES)[number], { input: z.ZodType; output: z.ZodType }>;

export const streams = {
  events: { input: NoInput, message: EventsMessageSchema },
  terminal: { input: TerminalOpenInputSchema, message: TerminalMessageSchema, inbound: TerminalInboundSchema },
  // Log batches are large and cheap to render: a wider window keeps round trips from capping throughput.
  logs: {
    input: LogsStreamInputSchema,
    message: LogsMessageSchema,
    flow: { highWatermark: 1_000_000, lowWatermark: 100_000 },
    cost: logsMessageCost,
  },
  gpuMetrics: {
    input: z.object({ visibility: z.enum(['visible', 'background']) }).strict(),
    message: z.array(GpuMetricsSchema),
    inbound: z.object({ visibility: z.enum(['visible', 'background']) }).strict(),
  },
  volumeTransfer: {
    input: TransferInputSchema,
    message: TransferMessageSchema,
    // Upload bytes, in the renderer's chunks.
    inbound: z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.byteLength <= MAX_UPLOAD_CHUNK_BYTES, 'chunks of at most 4 MiB'),
  },
  compose: { input: ComposeOperationInputSchema, message: ComposeOperationMessageSchema },
  watch: { input: WatchOpenInputSchema, message: WatchMessageSchema },
  ...statsStreams,
  ...diskStreams,
  ...enginesStreams,
  ...clusterStreams,
} as const satisfies Record<(typeof STREAM_KINDS)[number], StreamContract>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export type Streams = typeof streams;
export type StreamKind = keyof Streams;
export type StreamInput<K extends StreamKind> = z.input<Streams[K]['input']>;
export type StreamMessage<K extends StreamKind> = z.output<Streams[K]['message']>;

type DomainOf<N> = N extends `${infer Domain}.${string}` ? Domain : never;
type OperationsIn<Domain extends string> = {
  [N in OperationName as N extends `${Domain}.${infer Op}` ? Op : never]: undefined extends OperationInput<N>
    ? (input?: OperationInput<N>) => Promise<Result<OperationOutput<N>>>
    : (input: OperationInput<N>) => Promise<Result<OperationOutput<N>>>;
};

/** Handlers a stream consumer passes in; called in order, one message at a time. */
export interface StreamHandlers<M> {
  /** `cost` is what to acknowledge (`handle.ack(cost)`) once the message is processed. */
  onMessage(message: M, cost: number): void;
  /** Called once: `error` is set when the stream failed or was rejected. */
  onClose(error?: ErrorPayload): void;
}

/** The consumer's side of an open stream. */
export interface StreamHandle {
  /** Acknowledge `units` processed (bytes for byte streams); the producer resumes below the low watermark. */
  ack(units: number): void;
  /** Send data to the producer (terminal input, resize…). */
  send(message: unknown): void;
  close(): void;
}

/** `window.berth`: one typed function per operation, grouped by domain, plus streams. */
export type BerthApi = { [D in DomainOf<OperationName>]: OperationsIn<D> } & {
  /** The local path of a file or folder dropped on the page; only the Electron preload has it. */
  pathForFile?(file: unknown): string;
  streams: {
    open<K extends StreamKind>(
      kind: K,
      input: StreamInput<K>,
      handlers: StreamHandlers<StreamMessage<K>>,
    ): StreamHandle;
  };
};
