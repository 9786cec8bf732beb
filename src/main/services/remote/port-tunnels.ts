import { createServer, type Server, type Socket } from 'node:net';
import type { EngineEvent } from '@shared/schemas/engine';
import type { SshConnection } from '../docker/ssh/ssh-connection';

/** One published port of a container on the engine's host, as the container list reports it. */
export interface PublishedPort {
  containerId: string;
  /** The address the port is published on there (`0.0.0.0`, `127.0.0.1`, `::`…). */
  hostIp: string;
  hostPort: number;
}

export interface Tunnel {
  containerId: string;
  remoteHost: string;
  remotePort: number;
  localPort: number;
  /** Where it goes, for the link: `gpu-box:8888 → localhost:53211`. */
  label: string;
  /** `http://127.0.0.1:<localPort><path>`. */
  url(path?: string): string;
}

/** Events after which a container's published ports are gone. */
const PORTS_GONE = new Set(['die', 'stop', 'kill', 'destroy', 'pause']);

/**
 * `ssh -L` on demand for an ssh engine's published ports: each opens a listener on a free 127.0.0.1 port whose
 * connections become channels of the engine's ssh connection to the port on the engine's host. A second open of
 * the same port reuses its tunnel; the tunnels of a container close when it stops (feed `handleEngineEvent` the
 * engine's events) and all of them when the engine is switched (`closeAll`).
 */
export class PortTunnels {
  private readonly open = new Map<string, { tunnel: Tunnel; server: Server; sockets: Set<Socket> }>();
  private readonly opening = new Map<string, Promise<Tunnel>>();

  constructor(
    /** The engine's ssh connection, or how to get the current one (it is replaced when the engine reconnects). */
    private readonly ssh: SshConnection | (() => SshConnection),
    /** How the engine's host is named in labels, e.g. `gpu-box`. */
    private readonly hostLabel: string,
  ) {}

  /** A tunnel to `port` (reused while it is open). */
  forward(port: PublishedPort): Promise<Tunnel> {
    const remoteHost = reachableAddress(port.hostIp);
    const key = `${port.containerId}|${remoteHost}|${port.hostPort}`;
    const existing = this.open.get(key);
    if (existing) return Promise.resolve(existing.tunnel);
    let pending = this.opening.get(key);
    if (!pending) {
      pending = this.listen(key, port.containerId, remoteHost, port.hostPort).finally(() => this.opening.delete(key));
      this.opening.set(key, pending);
    }
    return pending;
  }

  list(): Tunnel[] {
    return [...this.open.values()].map((entry) => entry.tunnel);
  }

  /** Closes the tunnels of containers whose ports went away. */
  handleEngineEvent(event: EngineEvent): void {
    if (event.type === 'container' && PORTS_GONE.has(event.action)) void this.closeFor(event.id);
  }

  async closeFor(containerId: string): Promise<void> {
    await Promise.all(
      [...this.open.entries()]
        .filter(([, entry]) => entry.tunnel.containerId === containerId)
        .map(([key]) => this.close(key)),
    );
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((key) => this.close(key)));
  }

  private async listen(key: string, containerId: string, remoteHost: string, remotePort: number): Promise<Tunnel> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.pause();
      this.forwardOut(remoteHost, remotePort).then(
        (channel) => {
          socket.pipe(channel).pipe(socket);
          const end = () => {
            socket.destroy();
            channel.close();
          };
          socket.once('error', end);
          socket.once('close', end);
          channel.once('close', () => socket.destroy());
          socket.resume();
        },
        () => socket.destroy(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const localPort = (server.address() as { port: number }).port;
    const tunnel: Tunnel = {
      containerId,
      remoteHost,
      remotePort,
      localPort,
      label: `${this.hostLabel}:${remotePort} → localhost:${localPort}`,
      url: (path = '/') => `http://127.0.0.1:${localPort}${path.startsWith('/') ? path : `/${path}`}`,
    };
    this.open.set(key, { tunnel, server, sockets });
    return tunnel;
  }

  private async forwardOut(host: string, port: number): ReturnType<SshConnection['forwardOut']> {
    const ssh = typeof this.ssh === 'function' ? this.ssh() : this.ssh;
    return ssh.forwardOut(host, port);
  }

  private async close(key: string): Promise<void> {
    const entry = this.open.get(key);
    if (!entry) return;
    this.open.delete(key);
    for (const socket of entry.sockets) socket.destroy();
    await new Promise((resolve) => entry.server.close(resolve));
  }
}

/** A port published on every address is reached through the host's loopback. */
function reachableAddress(hostIp: string): string {
  if (hostIp === '' || hostIp === '0.0.0.0') return '127.0.0.1';
  if (hostIp === '::') return '::1';
  return hostIp;
}
