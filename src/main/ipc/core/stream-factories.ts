import type { StreamInput, StreamKind, StreamMessage } from '@shared/contract';
import type { StreamSource } from '../../services/streams/stream-source';

/** One producer factory per stream kind of the contract. */
export type StreamFactories = {
  [K in StreamKind]: (input: StreamInput<K>) => StreamSource<StreamMessage<K>>;
};
