import { homedir } from 'node:os';
import type Docker from 'dockerode';
import { EngineHttpAgent } from './engine-http-agent';
import { lazyDocker } from './lazy-docker';
import { loadOnFirstUse } from '../load-on-first-use';
import { trackOpenClient } from './open-clients';
import type { EngineTarget, SshEngineTarget } from './engine-target';
import { SshConnection } from './ssh/ssh-connection';
import { sshEngineDialer } from './ssh/ssh-engine-dialer';
import { tcpDialer } from './tcp-dialer';

/** An Engine API client and what it holds open: its keep-alive connections, and for ssh its share of the ssh connection. */
export interface EngineClient {
  docker: Docker;
  /** The ssh connection of an ssh engine, shared with tunnels, host shells and helpers; null otherwise. */
  ssh: SshConnection | null;
  /** Closes every connection of this client; requests in flight fail. Idempotent. */
  close(): void;
}

const clients = new WeakMap<Docker, EngineClient>();

/**
 * A client for `target`. Every transport goes through an EngineHttpAgent (keep-alive, no redirects followed); tcp
 * and ssh connections are dialed by Berth (TLS checked with clear reasons, ssh channels multiplexed on one
 * connection), so docker-modem only ever sees a socket. docker-modem reads DOCKER_HOST and DOCKER_CERT_PATH from
 * `process.env` in its constructor (and reads cert.pem from there, failing on a folder with only ca.pem), so the
 * constructor runs with those variables hidden: the target alone decides.
 */
export function createEngineClient(target: EngineTarget): EngineClient {
  let ssh: SshConnection | null = null;
  let releaseSsh = () => {};
  let agent: EngineHttpAgent;
  let socketPath: string;
  switch (target.transport) {
    case 'unix':
    case 'npipe':
      agent = new EngineHttpAgent();
      socketPath = target.socketPath;
      break;
    case 'tcp':
      agent = new EngineHttpAgent(tcpDialer(target.host, target.port, target.tls));
      // Never dialed: the agent connects; a socket path keeps docker-modem off its url.parse (deprecated) path.
      socketPath = `tcp://${target.host}:${target.port}`;
      break;
    case 'ssh': {
      const shared = acquireSshConnection(target);
      ssh = shared.connection;
      releaseSsh = shared.release;
      agent = new EngineHttpAgent(sshEngineDialer(ssh, target.remoteSocket));
      socketPath = `ssh://${target.host}`;
      break;
    }
  }
  const docker = lazyDocker(
    () =>
      withoutDockerEnvironment(
        () =>
          new (loadDockerode())({
            socketPath,
            agent,
            host: undefined,
            port: undefined,
            protocol: undefined,
            ca: undefined,
            cert: undefined,
            key: undefined,
          } as Docker.DockerOptions),
      ),
    { agent, socketPath },
  );
  let closed = false;
  const client: EngineClient = {
    docker,
    ssh,
    close() {
      if (closed) return;
      closed = true;
      untrack();
      agent.destroy();
      releaseSsh();
    },
  };
  const untrack = trackOpenClient(() => client.close());
  clients.set(docker, client);
  return client;
}

/** dockerode, on the first call the lazy client doesn't answer itself. */
const loadDockerode = loadOnFirstUse<typeof Docker>('dockerode');

const sshConnections = new Map<string, { connection: SshConnection; clients: number }>();

/**
 * One ssh connection per engine in this process, whatever number of clients use it (a CLI command may make two):
 * the last client to close it ends it.
 */
function acquireSshConnection(target: SshEngineTarget): { connection: SshConnection; release(): void } {
  const homeDir = target.homeDir ?? homedir();
  const key = JSON.stringify([target.host, target.port, target.username, homeDir, target.agent]);
  let entry = sshConnections.get(key);
  if (!entry) {
    entry = {
      connection: new SshConnection(
        { host: target.host, port: target.port, user: target.username },
        { homeDir, agentSocket: target.agent },
      ),
      clients: 0,
    };
    sshConnections.set(key, entry);
  }
  const shared = entry;
  shared.clients += 1;
  let released = false;
  return {
    connection: shared.connection,
    release() {
      if (released) return;
      released = true;
      shared.clients -= 1;
      if (shared.clients > 0) return;
      sshConnections.delete(key);
      shared.connection.close();
    },
  };
}

/** The dockerode client alone; close it with `closeDockerClient` (ssh and tcp hold connections open). */
export function createDockerClient(target: EngineTarget): Docker {
  return createEngineClient(target).docker;
}

export function closeDockerClient(docker: Docker): void {
  clients.get(docker)?.close();
}

/** The ssh connection behind `docker`, when it talks to an ssh engine. */
export function sshConnectionOf(docker: Docker): SshConnection | null {
  return clients.get(docker)?.ssh ?? null;
}

const DOCKER_ENV = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT'] as const;

function withoutDockerEnvironment<T>(build: () => T): T {
  const saved = DOCKER_ENV.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return build();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}
