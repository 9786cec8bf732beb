/**
 * A BuildKit session over the Engine API: `POST /session` upgrades to h2c and the daemon becomes the gRPC client of
 * the services Berth serves on that connection (the build context, registry credentials, build secrets, the ssh
 * agent). The headers list every method offered: the daemon calls only those.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type Docker from 'dockerode';
import type { RegistryAuthLookup } from '../../compose/engine/image/registry-auth';
import type { SecretRedactor } from '../secret-redactor';
import { authProvider } from './auth-provider';
import { fileSyncProvider, type SyncedDir } from './file-sync-provider';
import { healthService } from './health-service';
import { secretsProvider, type SecretSource } from './secrets-provider';
import { sessionServices } from './session-services';
import { sshAgentProvider, type SshAgents } from './ssh-agent-provider';

export interface SessionProviders {
  /** Directories the daemon may read, by the name it asks for (`context`, `dockerfile`). */
  dirs: Map<string, SyncedDir>;
  secrets?: Map<string, SecretSource>;
  /** Learns each secret value served, to mask it in what the build prints. */
  redactor: SecretRedactor;
  sshAgents?: SshAgents;
  registryAuth?: RegistryAuthLookup;
  /**
   * Same key, same directory: the daemon keeps the last transfer of a directory under this key and asks only for
   * the files that changed since.
   */
  sharedKey: string;
}

export interface BuildSession {
  id: string;
  /** Ends the session: the daemon's calls on it fail, a build still using it stops. Idempotent. */
  close(): void;
}

export function sharedKeyOf(directory: string): string {
  return createHash('sha256').update(`berth:${directory}`).digest('hex');
}

export async function openBuildSession(docker: Docker, providers: SessionProviders): Promise<BuildSession> {
  const id = randomUUID();
  const services = sessionServices();
  const offered: [ServiceDefinition, UntypedServiceImplementation][] = [
    [services.health, healthService()],
    [services.fileSync, fileSyncProvider(providers.dirs)],
    [services.auth, authProvider(providers.registryAuth)],
    [services.secrets, secretsProvider(providers.secrets ?? new Map(), providers.redactor)],
  ];
  if (providers.sshAgents?.size) offered.push([services.ssh, sshAgentProvider(providers.sshAgents)]);

  const socket = await dialSession(docker, {
    'X-Docker-Expose-Session-Uuid': id,
    'X-Docker-Expose-Session-Name': 'berth',
    'X-Docker-Expose-Session-Sharedkey': providers.sharedKey,
    'X-Docker-Expose-Session-Grpc-Method': offered.flatMap(([definition]) =>
      Object.values(definition).map((method) => method.path),
    ),
  });
  const server = new Server();
  for (const [definition, implementation] of offered) server.addService(definition, implementation);
  const injector = server.createConnectionInjector(ServerCredentials.createInsecure());
  injector.injectConnection(socket);
  let closed = false;
  return {
    id,
    close() {
      if (closed) return;
      closed = true;
      injector.destroy();
      server.forceShutdown();
      socket.destroy();
    },
  };
}

function dialSession(docker: Docker, headers: Record<string, string | string[]>): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        method: 'POST',
        path: '/session',
        hijack: true,
        headers: { Upgrade: 'h2c', ...headers },
        statusCodes: { 101: true, 200: true, 400: 'bad request', 404: 'no session support', 500: 'server error' },
      },
      (error, socket) => (error ? reject(error) : resolve(socket as Duplex)),
    );
  });
}
