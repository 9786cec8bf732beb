/** `grpc.health.v1.Health/Check`: the daemon polls it to know the session is alive. */
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';

export function healthService(): UntypedServiceImplementation {
  return {
    Check(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<{ status: string }>) {
      callback(null, { status: 'SERVING' });
    },
  };
}
