/**
 * BuildKit's progress in a /build stream: `{"id":"moby.buildkit.trace","aux":"<base64 StatusResponse>"}` messages,
 * decoded into plain objects with times in epoch milliseconds.
 */
import { buildkitStatusType } from '../session/session-services';

export interface VertexUpdate {
  digest: string;
  name: string;
  cached: boolean;
  startedMs?: number;
  completedMs?: number;
  error?: string;
}

export interface VertexStatusUpdate {
  /** The status's own id ("transferring context:", "sha256:…" for a layer). */
  id: string;
  vertex: string;
  name: string;
  current: number;
  total: number;
  timestampMs?: number;
  startedMs?: number;
  completedMs?: number;
}

export interface VertexLogUpdate {
  vertex: string;
  /** 1 stdout, 2 stderr. */
  stream: number;
  timestampMs?: number;
  data: Buffer;
}

export interface VertexWarningUpdate {
  vertex: string;
  message: string;
  url?: string;
  /** 1-based line in the Dockerfile, when BuildKit says. */
  line?: number;
  file?: string;
}

export interface StatusUpdate {
  vertexes: VertexUpdate[];
  statuses: VertexStatusUpdate[];
  logs: VertexLogUpdate[];
  warnings: VertexWarningUpdate[];
}

interface Timestamp {
  seconds?: number;
  nanos?: number;
}

interface RawStatus {
  vertexes?: {
    digest?: string;
    name?: string;
    cached?: boolean;
    started?: Timestamp;
    completed?: Timestamp;
    error?: string;
  }[];
  statuses?: {
    ID?: string;
    vertex?: string;
    name?: string;
    current?: number;
    total?: number;
    timestamp?: Timestamp;
    started?: Timestamp;
    completed?: Timestamp;
  }[];
  logs?: { vertex?: string; stream?: number; timestamp?: Timestamp; msg?: Buffer }[];
  warnings?: {
    vertex?: string;
    short?: Buffer;
    url?: string;
    info?: { filename?: string };
    ranges?: { start?: { line?: number } }[];
  }[];
}

export function decodeStatus(base64: string): StatusUpdate {
  const type = buildkitStatusType();
  const raw = type.toObject(type.decode(Buffer.from(base64, 'base64')), {
    longs: Number,
    bytes: Buffer,
  }) as RawStatus;
  return {
    vertexes: (raw.vertexes ?? []).map((vertex) => ({
      digest: vertex.digest ?? '',
      name: vertex.name ?? '',
      cached: vertex.cached ?? false,
      startedMs: millis(vertex.started),
      completedMs: millis(vertex.completed),
      ...(vertex.error ? { error: vertex.error } : {}),
    })),
    statuses: (raw.statuses ?? []).map((status) => ({
      id: status.ID ?? '',
      vertex: status.vertex ?? '',
      name: status.name ?? '',
      current: status.current ?? 0,
      total: status.total ?? 0,
      timestampMs: millis(status.timestamp),
      startedMs: millis(status.started),
      completedMs: millis(status.completed),
    })),
    logs: (raw.logs ?? []).map((log) => ({
      vertex: log.vertex ?? '',
      stream: log.stream ?? 1,
      timestampMs: millis(log.timestamp),
      data: Buffer.from(log.msg ?? []),
    })),
    warnings: (raw.warnings ?? []).map((warning) => {
      const line = warning.ranges?.[0]?.start?.line;
      return {
        vertex: warning.vertex ?? '',
        message: Buffer.from(warning.short ?? []).toString('utf8'),
        ...(warning.url ? { url: warning.url } : {}),
        ...(line ? { line } : {}),
        ...(warning.info?.filename ? { file: warning.info.filename } : {}),
      };
    }),
  };
}

function millis(timestamp: Timestamp | undefined): number | undefined {
  if (!timestamp || (!timestamp.seconds && !timestamp.nanos)) return undefined;
  return (timestamp.seconds ?? 0) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
}
