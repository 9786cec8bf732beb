import { BerthError } from '@shared/errors';
import { CoalesceByKey } from './coalesce-by-key';
import type { StreamSink, StreamSource } from './stream-source';

export interface OperationSourceSpec<M> {
  /** Progress about the same thing (a layer, a step) replaces itself while the consumer is paused. */
  keyOf(message: M): string | null;
  /** The error a consumer that went away cancels the operation with. */
  cancelledMessage: string;
  /** Runs the operation, reporting progress through `push`; resolves to its last message. */
  run(signal: AbortSignal, push: (message: M) => void): Promise<M>;
}

/**
 * A stream for one long operation (compose up, stack deploy): progress coalesced per key, the last message, then the
 * end once everything before it went out; closing the stream cancels the operation.
 */
export function createOperationSource<M>(spec: OperationSourceSpec<M>): StreamSource<M> {
  const abort = new AbortController();
  let sink: StreamSink<M> | null = null;
  let ending: { error?: unknown } | null = null;
  const pending = new CoalesceByKey<M>((message) => sink?.emit(message), spec.keyOf);
  const endWhenDelivered = () => {
    if (ending && pending.size === 0) sink?.end(ending.error);
  };
  const end = (error?: unknown) => {
    ending = { error };
    endWhenDelivered();
  };
  return {
    start(target) {
      sink = target;
      spec
        .run(abort.signal, (message) => pending.push(message))
        .then((last) => {
          pending.push(last);
          end();
        }, end);
    },
    pause: () => pending.pause(),
    resume() {
      pending.resume();
      endWhenDelivered();
    },
    dispose() {
      pending.clear();
      abort.abort(new BerthError('E_CANCELLED', spec.cancelledMessage));
    },
  };
}
