/** What a stream producer tells the transport. */
export interface StreamSink<M> {
  emit(message: M): void;
  /** Ends the stream; with an error when it failed. */
  end(error?: unknown): void;
}

/**
 * A producer of one stream, written by a service and unaware of the transport. The transport
 * calls `pause`/`resume` from acknowledgement flow control and `dispose` when the consumer goes away.
 */
export interface StreamSource<M> {
  start(sink: StreamSink<M>): void;
  pause(): void;
  resume(): void;
  /** Data from the consumer (terminal input, resize…); optional for one-way streams. */
  receive?(data: unknown): void;
  dispose(): void;
}
