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
  /** `agent` is the ssh-agent socket (SSH_AUTH_SOCK); the remote side runs `docker system dial-stdio`. */
  | { transport: 'ssh'; host: string; port: number; username?: string; agent?: string };

/** The engine Berth talks to: what the UI shows (`endpoint`) and how to dial it (`target`). */
export interface ResolvedEndpoint {
  endpoint: Endpoint;
  target: EngineTarget;
}

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';
