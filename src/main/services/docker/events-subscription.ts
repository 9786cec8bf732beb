import type Docker from 'dockerode';
import type { EngineEvent } from '@shared/schemas/engine';
import { DEFAULT_REQUEST_TIMEOUT_MS, type RequestOptions } from './connect-engine';
import { toEngineEvent } from './engine-event';
import { JsonLineParser } from './json-lines';

export interface EventsSubscription {
  /** Ends the stream without calling `onEnd`. Idempotent. */
  close(): void;
}

export interface EventsHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream ended or failed; called at most once, never after `close()`. */
  onEnd(cause: unknown): void;
}

/** Streams `GET /events`. Resolves once the engine has accepted the subscription (response headers arrived). */
export async function subscribeToEvents(
  docker: Docker,
  handlers: EventsHandlers,
  options: RequestOptions = {},
): Promise<EventsSubscription> {
  const stream = await openEventsStream(docker, options);
  let open = true;
  const finish = (cause: unknown) => {
    if (!open) return;
    open = false;
    handlers.onEnd(cause);
  };
  const parser = new JsonLineParser((value) => {
    const event = toEngineEvent(value);
    if (event && open) handlers.onEvent(event);
  });
  stream.on('data', (chunk: Buffer | string) => parser.push(chunk));
  stream.on('end', () => {
    parser.end();
    finish(new Error('The engine closed the events stream.'));
  });
  stream.on('error', (error: unknown) => finish(error));
  stream.on('close', () => finish(new Error('The events stream closed.')));
  return {
    close() {
      open = false;
      (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
    },
  };
}

/** The request is aborted on timeout or `options.signal` only until the headers arrive; the stream then lives on. */
async function openEventsStream(docker: Docker, options: RequestOptions): Promise<NodeJS.ReadableStream> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('Subscribing to engine events timed out.', 'TimeoutError')),
    options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  );
  const abortOnStop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abortOnStop, { once: true });
  try {
    return await docker.getEvents({ abortSignal: controller.signal } as Docker.GetEventsOptions);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abortOnStop);
  }
}
