import { connect, createServer, type Socket } from 'node:net';

export interface TcpEngineProxy {
  /** `tcp://HOST:PORT`: what a user sets DOCKER_HOST or an engine's address to. */
  address: string;
  close(): Promise<void>;
}

/**
 * A plain tcp listener on `host` (a loopback address other than 127.0.0.1, e.g. 127.0.0.2) in front of the machine's
 * engine socket: to Berth, an engine on another host, reached without TLS.
 */
export async function startTcpEngineProxy(host: string, socketPath = '/var/run/docker.sock'): Promise<TcpEngineProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(socketPath);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((listening) => server.listen(0, host, listening));
  const { port } = server.address() as { port: number };
  return {
    address: `tcp://${host}:${port}`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
