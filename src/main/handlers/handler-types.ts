import type {
  OperationInput,
  OperationName,
  OperationOutput,
  StreamInput,
  StreamKind,
  StreamMessage,
} from '@shared/contract';
import type { StreamSource } from '../services/streams/stream-source';

/** One function per operation of the contract; the transport validates its input and output around it. */
export type OperationHandlers = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<OperationOutput<N>> | OperationOutput<N>;
};

/** One producer factory per stream kind of the contract. */
export type StreamFactories = {
  [K in StreamKind]: (input: StreamInput<K>) => StreamSource<StreamMessage<K>>;
};

/** The operations of one contract domain (`volumes` → `volumes.list`, `volumes.preview`…). */
export type OperationsOf<Domain extends string> = Extract<OperationName, `${Domain}.${string}`>;

/** What one file of `handlers/` contributes: some operations and the streams it owns. */
export interface HandlerGroup<O extends OperationName, S extends StreamKind = never> {
  operations: Pick<OperationHandlers, O>;
  streams: Pick<StreamFactories, S>;
}
