import { BerthError } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import { permissionFix, startEngineFix } from './start-engine-fix';

export interface UnreachableDiagnosis {
  /** What went wrong, e.g. `connect ENOENT /var/run/docker.sock`. */
  reason: string;
  fix: string;
}

const NOT_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/;

/** Turns whatever failed while talking to the engine into a reason and a fix a person can act on. */
export function diagnoseUnreachable(
  error: unknown,
  endpoint: Endpoint | null,
  platform: NodeJS.Platform,
): UnreachableDiagnosis {
  if (error instanceof BerthError)
    return { reason: error.message, fix: error.fix ?? startEngineFix(endpoint, platform) };

  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const address = endpoint?.address ?? 'the engine';

  if (code === 'EACCES' || code === 'EPERM') {
    return { reason: `${message} (permission denied)`, fix: permissionFix(endpoint, platform) };
  }
  if (isTimeout(error)) {
    return {
      reason: `${address} did not answer in time`,
      fix: `The engine may be starting or hung. ${startEngineFix(endpoint, platform)}`,
    };
  }
  if (code && NOT_LISTENING.has(code)) return { reason: message, fix: startEngineFix(endpoint, platform) };
  if (code && NETWORK.has(code)) {
    return { reason: message, fix: `Check the host name and the network path to ${address}.` };
  }
  if (code && TLS_CODE.test(code)) {
    return {
      reason: `TLS handshake with ${address} failed: ${message}`,
      fix: 'Check the CA and client certificates (DOCKER_CERT_PATH or the context TLS files) and the engine host name.',
    };
  }
  if (typeof (error as { statusCode?: unknown })?.statusCode === 'number') {
    return {
      reason: `${address} answered with an error: ${message.trim()}`,
      fix: 'Check the engine logs (`journalctl -u docker` on Linux), or restart the engine.',
    };
  }
  if (endpoint?.kind === 'ssh') {
    return {
      reason: `ssh to ${address} failed: ${message}`,
      fix: `Check that ssh to ${address} works without a prompt (Berth authenticates through ssh-agent, SSH_AUTH_SOCK) and that \`docker\` runs there.`,
    };
  }
  return { reason: message, fix: startEngineFix(endpoint, platform) };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError' || errorCode(error) === 'ABORT_ERR';
}
