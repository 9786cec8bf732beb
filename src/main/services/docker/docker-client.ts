import { Agent as HttpsAgent } from 'node:https';
import Docker from 'dockerode';
import type { EngineTarget } from './engine-target';

/**
 * A dockerode client for `target`. Every connection option is set explicitly, even to undefined, because
 * docker-modem merges its own reading of `process.env.DOCKER_HOST` under ours and would otherwise win.
 */
export function createDockerClient(target: EngineTarget): Docker {
  const base = {
    socketPath: undefined as string | undefined,
    host: undefined as string | undefined,
    port: undefined as number | undefined,
    protocol: undefined as 'http' | 'https' | 'ssh' | undefined,
    username: undefined as string | undefined,
    ca: undefined as Buffer | undefined,
    cert: undefined as Buffer | undefined,
    key: undefined as Buffer | undefined,
    agent: undefined as HttpsAgent | undefined,
    sshOptions: undefined as { agent?: string } | undefined,
  };
  switch (target.transport) {
    case 'unix':
    case 'npipe':
      return new Docker({ ...base, socketPath: target.socketPath } as Docker.DockerOptions);
    case 'tcp': {
      const tls = target.tls;
      const options = {
        ...base,
        host: target.host,
        port: target.port,
        protocol: tls ? 'https' : 'http',
        ca: tls?.ca,
        cert: tls?.cert,
        key: tls?.key,
        // Node gives an agent's options precedence over the request's, so this turns verification off for real.
        agent: tls && !tls.verify ? new HttpsAgent({ rejectUnauthorized: false }) : undefined,
      };
      return new Docker(options as Docker.DockerOptions);
    }
    case 'ssh':
      return new Docker({
        ...base,
        host: target.host,
        port: target.port,
        protocol: 'ssh',
        username: target.username,
        sshOptions: { agent: target.agent },
      } as Docker.DockerOptions);
  }
}
