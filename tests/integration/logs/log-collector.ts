import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import type { StreamFactories } from '../../../src/main/handlers/handler-types';
import type { EngineWatch } from '../../../src/main/services/docker/engine-watch';
import { createLogsSource } from '../../../src/main/services/logs/logs-source';
import type { ErrorPayload } from '@shared/errors';
import {
  decodeLines,
  type LogLine,
  type LogSource,
  type LogsMessage,
  type LogsStreamRequest,
} from '@shared/schemas/logs';
import { messageCost, type ProducerFrame } from '@shared/stream-protocol';
import { TEST_IMAGE } from '../../support/require-engine';

export interface CollectedLogs {
  lines: LogLine[];
  sources: LogSource[];
  messages: LogsMessage[];
  /** Resolves once `predicate` holds for what was received; rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  readonly ended: boolean;
  readonly error: ErrorPayload | undefined;
  texts(): string[];
  /** From now on nothing is acknowledged: the producer sees a consumer that stalled. */
  stopAcknowledging(): void;
  close(): void;
}

/**
 * Opens a `logs` stream through the real transport session (flow control included) on an in-memory channel,
 * acknowledging each message after it is recorded, as the renderer does.
 */
export function collectLogs(engine: EngineWatch, request: LogsStreamRequest): CollectedLogs {
  const lines: LogLine[] = [];
  const sources: LogSource[] = [];
  const messages: LogsMessage[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let acknowledging = true;
  let error: ErrorPayload | undefined;
  let onConsumerFrame: (data: unknown) => void = () => {};
  let onChannelClose: () => void = () => {};

  const channel: StreamChannel = {
    send(frame: ProducerFrame) {
      if (frame.t === 'data') {
        const message = frame.data as LogsMessage;
        if (message.type === 'lines') lines.push(...decodeLines(message));
        else if (message.type === 'sources') sources.splice(0, sources.length, ...message.sources);
        if (message.type !== 'lines') messages.push(message);
        if (acknowledging) queueMicrotask(() => onConsumerFrame({ t: 'ack', n: messageCost(message) }));
      } else {
        ended = true;
        if (frame.t === 'error') error = frame.error;
      }
      for (const waiter of waiters) waiter();
    },
    onMessage: (listener) => (onConsumerFrame = listener),
    onClose: (listener) => (onChannelClose = listener),
    close() {
      ended = true;
    },
  };
  const factories = {
    logs: (input: LogsStreamRequest) => createLogsSource(engine, input),
  } as unknown as StreamFactories;
  const rejected = openStreamSession(factories, 'logs', request, channel);
  if (rejected) throw new Error(`logs stream rejected: ${rejected.message}`);

  return {
    lines,
    sources,
    messages,
    get ended() {
      return ended;
    },
    get error() {
      return error;
    },
    texts: () => lines.map((line) => line.text),
    until(predicate, timeoutMs = 30_000, what = 'condition') {
      return new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${lines.length} lines`));
        }, timeoutMs);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    stopAcknowledging: () => {
      acknowledging = false;
    },
    close: () => onChannelClose(),
  };
}

/** A unique compose-like project name for one test. */
export function uniqueProject(prefix = 'berth-logs'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface ComposeLikeContainer {
  project: string;
  service: string;
  number?: number;
  script: string;
  tty?: boolean;
  restart?: 'always' | 'no';
  /** `json-file` (the default) stores lines as JSON strings, so it replaces invalid UTF-8; `local` keeps bytes. */
  logDriver?: 'json-file' | 'local';
}

/** Creates and starts a busybox container labelled like a compose service's container; returns it. */
export async function runServiceContainer(docker: Docker, spec: ComposeLikeContainer): Promise<Docker.Container> {
  const number = spec.number ?? 1;
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `${spec.project}-${spec.service}-${number}-${randomUUID().slice(0, 4)}`,
    Cmd: ['sh', '-c', spec.script],
    Tty: spec.tty ?? false,
    Labels: {
      'com.docker.compose.project': spec.project,
      'com.docker.compose.service': spec.service,
      'com.docker.compose.container-number': String(number),
      'com.docker.compose.oneoff': 'False',
    },
    HostConfig: {
      NetworkMode: 'none',
      RestartPolicy: { Name: spec.restart ?? 'no' },
      LogConfig: { Type: spec.logDriver ?? 'json-file', Config: {} },
    },
  });
  await container.start();
  return container;
}

/** Removes every container of `project`. */
export async function removeProject(docker: Docker, project: string): Promise<void> {
  const containers = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  await Promise.all(
    containers.map((info) =>
      docker
        .getContainer(info.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

export async function waitForExit(container: Docker.Container): Promise<void> {
  await container.wait();
}
