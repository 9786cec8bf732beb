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
 * DOCKER_HOST or context). Resolves to the socket path, or null to keep using dial-stdio.
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
      engineId(direct),
      connection.exec(DIAL_STDIO_COMMAND).then(
        (channel) => engineId(new ChannelSocket(channel)),
        () => null,
      ),
    ]);
    if (directId && directId === viaDocker) return path;
  }
  return null;
}

/** `/info`'s ID over one connection (closed afterwards); null when it doesn't answer like an engine. */
function engineId(socket: Duplex): Promise<string | null> {
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
            const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ID?: unknown }).ID;
            finish(typeof id === 'string' && id !== '' ? id : null);
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
