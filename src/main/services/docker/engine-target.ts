import type { Endpoint } from '@shared/schemas/engine';
import type { TlsMaterial } from './tls-material';

/** TLS settings for a tcp engine; `verify: false` is the docker CLI's `--tls` without `--tlsverify`. */
export interface TlsSettings extends TlsMaterial {
  verify: boolean;
}

/** How to reach the engine: everything `createDockerClient` needs, nothing the UI shows. */
export type EngineTarget =
  | { transport: 'unix' | 'npipe'; socketPath: string }
  | { transport: 'tcp'; host: string; port: number; tls: TlsSettings | null }
  | SshEngineTarget;

/**
 * An engine behind ssh. `host` may be a `Host` alias of `~/.ssh/config`; `port` and `username` are set only when the
 * address names them (the config, then OpenSSH's defaults, fill the rest). Each Engine API connection is a channel
 * of one ssh connection running `docker system dial-stdio`, or, with `remoteSocket`, a direct channel to that unix
 * socket on the host (no remote process, no shell start-up).
 */
export interface SshEngineTarget {
  transport: 'ssh';
  host: string;
  port?: number;
  username?: string;
  /** The ssh-agent socket (SSH_AUTH_SOCK). */
  agent?: string;
  /** Where `~/.ssh` lives; the current user's home by default. */
  homeDir?: string;
  remoteSocket?: string;
}

/** The engine Berth talks to: what the UI shows (`endpoint`) and how to dial it (`target`). */
export interface ResolvedEndpoint {
  endpoint: Endpoint;
  target: EngineTarget;
}

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';
