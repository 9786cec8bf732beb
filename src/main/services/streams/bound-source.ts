import type { StreamSource } from './stream-source';

/**
 * `source`, ended with `owner`'s reason when `owner` aborts (the thing it belongs to went away): the inner source is
 * disposed and the consumer told why, once. Disposing it first forgets the owner.
 */
export function boundSource<M>(source: StreamSource<M>, owner: AbortSignal): StreamSource<M> {
  let disposed = false;
  let onAbort: (() => void) | null = null;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    if (onAbort) owner.removeEventListener('abort', onAbort);
    source.dispose();
  };
  return {
    start(sink) {
      if (owner.aborted) return sink.end(owner.reason);
      onAbort = () => {
        dispose();
        sink.end(owner.reason);
      };
      owner.addEventListener('abort', onAbort, { once: true });
      source.start(sink);
    },
    pause: () => source.pause(),
    resume: () => source.resume(),
    ...(source.receive ? { receive: (data: unknown) => source.receive!(data) } : {}),
    dispose,
  };
}
