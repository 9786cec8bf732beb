import type { ClientChannel } from 'ssh2';
import { BerthError } from '@shared/errors';
import type { EngineDialer } from '../engine-http-agent';
import { ChannelSocket } from './channel-socket';
import type { SshConnection } from './ssh-connection';
import { dialStdioError, remoteError } from './ssh-errors';
import { DIAL_STDIO_COMMAND, findDirectSocket } from './direct-socket-route';

/** An unused spare dial-stdio channel is closed after this, so an idle client leaves no process on the host. */
const SPARE_IDLE_MS = 15_000;

/**
 * Opens Engine API connections as channels of `connection`: `docker system dial-stdio` on the host, as the docker
 * CLI does (the remote user's own docker configuration picks the engine) — or a direct channel to the engine's
 * socket, when `remoteSocket` names it or `findDirectSocket` proved the default socket is that same engine.
 */
export function sshEngineDialer(connection: SshConnection, remoteSocket?: string): EngineDialer {
  if (remoteSocket) return () => openUnixSocket(connection, remoteSocket);
  let state = routes.get(connection);
  if (!state) {
    const created: RouteState = { route: null, dialStdio: dialStdioWithSpare(connection) };
    // Decided once per ssh connection (the first dial waits for it), and again after a reconnect.
    connection.onClose(() => {
      created.route = null;
    });
    routes.set(connection, created);
    state = created;
  }
  const shared = state;
  return async () => {
    shared.route ??= findDirectSocket(connection);
    const direct = await shared.route;
    return direct ? openUnixSocket(connection, direct) : shared.dialStdio();
  };
}

interface RouteState {
  route: Promise<string | null> | null;
  dialStdio: EngineDialer;
}

/** Per ssh connection (shared by every client of the engine in this process): the route and the spare. */
const routes = new WeakMap<SshConnection, RouteState>();

/**
 * dial-stdio channels, with one spare kept starting while channels are in use: each starts a shell on the host,
 * which can take seconds, so a second concurrent request (info and version right after a ping, a log stream beside
 * a list) finds it ready instead of waiting for another shell.
 */
function dialStdioWithSpare(connection: SshConnection): EngineDialer {
  let spare: Spare | null = null;
  const open = () => connection.exec(DIAL_STDIO_COMMAND);
  const startSpare = () => {
    const channel = open();
    const entry: Spare = { channel, timer: null, closed: false };
    spare = entry;
    channel.then(
      (opened) => {
        // The host may end a waiting spare (its engine restarted): then it is no use.
        opened.once('close', () => {
          entry.closed = true;
        });
        if (spare !== entry) return;
        entry.timer = setTimeout(() => {
          if (spare === entry) spare = null;
          opened.close();
        }, SPARE_IDLE_MS);
        entry.timer.unref();
      },
      () => {
        if (spare === entry) spare = null;
      },
    );
  };
  connection.onClose(() => {
    spare = null;
  });
  return async () => {
    const taken = spare;
    spare = null;
    if (taken?.timer) clearTimeout(taken.timer);
    let channel = taken ? await taken.channel.catch(open) : await open();
    if (taken?.closed) channel = await open();
    startSpare();
    return new ChannelSocket(channel, (stderr, exitCode) =>
      dialStdioError(connection.describe(), connection.sshCommand(), stderr, exitCode),
    );
  };
}

interface Spare {
  channel: Promise<ClientChannel>;
  timer: NodeJS.Timeout | null;
  closed: boolean;
}

async function openUnixSocket(connection: SshConnection, remoteSocket: string): Promise<ChannelSocket> {
  try {
    return new ChannelSocket(await connection.openUnixSocket(remoteSocket));
  } catch (error) {
    if (!(error instanceof BerthError) || !/open failed|prohibited|connect failed/i.test(error.message)) throw error;
    throw remoteError(
      `${connection.describe()} refused a channel to ${remoteSocket}: ${error.message}`,
      `Check that the engine's socket is ${remoteSocket} on the host, that the ssh user may open it (docker group), and that sshd allows it (AllowStreamLocalForwarding).`,
      { kind: 'socket-denied', stderr: error.message },
      error,
    );
  }
}
