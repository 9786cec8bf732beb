/** Error codes of the transport itself: nothing answered, the connection broke, or something that isn't Docker spoke. */
const CONNECTION_CODES =
  /^(ENOENT|ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EACCES|EPERM|EPROTO|ERR_TLS_.*|CERT_.*|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/;

/** Whether `error` is the connection failing (`socket hang up` is ECONNRESET) rather than the engine answering. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_CODES.test(code);
}
