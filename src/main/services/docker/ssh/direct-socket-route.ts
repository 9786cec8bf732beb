import { get } from 'node:http';
import type { Duplex } from 'node:stream';
import { ChannelSocket } from './channel-socket';
import type { SshConnection } from './ssh-connection';

/** The command the docker CLI runs on the host for each Engine API connection. */
export const DIAL_STDIO_COMMAND = 'docker system dial-stdio';

/** Where engines listen by default on a Linux host (rootful Docker, and Podman's docker-compatible socket). */
export const DEFAULT_REMOTE_SOCKETS = ['/var/run/docker.sock'];
const ID_TIMEOUT_MS = 30_000;

/**
 * Whether Engine API connections may skip `docker system dial-stdio` and open a direct channel to the engine's socket
 * on the host (OpenSSH's direct-streamlocal: no remote process, no shell start-up — a `.bashrc` that initialises
 * conda costs seconds per dial-stdio channel). Only when it is provably the same engine: `/info`'s ID through a
 * direct channel equals the ID through dial-stdio, which decides as the docker CLI would (the remote user's own
 * DOCKER_HOST or context), and so does its data root: a 20.10 engine takes its ID from /etc/docker/key.json whatever
 * its data root, so two engines on one host can share an ID. Resolves to the socket path, or null to keep using dial-stdio.
 */
export async function findDirectSocket(
  connection: SshConnection,
  candidates = DEFAULT_REMOTE_SOCKETS,
): Promise<string | null> {
  for (const path of candidates) {
    let direct: Duplex;
    try {
      direct = new ChannelSocket(await connection.openUnixSocket(path));
    } catch {
      continue; // not there, not allowed (permissions, AllowStreamLocalForwarding no)
    }
    const [directId, viaDocker] = await Promise.all([
      engineIdentity(direct),
      connection.exec(DIAL_STDIO_COMMAND).then(
        (channel) => engineIdentity(new ChannelSocket(channel)),
        () => null,
      ),
    ]);
    if (directId && directId === viaDocker) return path;
  }
  return null;
}

/** `/info`'s ID and data root over one connection (closed afterwards); null when it doesn't answer like an engine. */
function engineIdentity(socket: Duplex): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), ID_TIMEOUT_MS);
    const finish = (id: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(id);
    };
    const request = get(
      { createConnection: () => socket, host: 'docker', path: '/info', headers: { Connection: 'close' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const info = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              ID?: unknown;
              DockerRootDir?: unknown;
            };
            finish(typeof info.ID === 'string' && info.ID !== '' ? `${info.ID} ${String(info.DockerRootDir)}` : null);
          } catch {
            finish(null);
          }
        });
        response.on('error', () => finish(null));
      },
    );
    request.on('error', () => finish(null));
  });
}
