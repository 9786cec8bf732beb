import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { Endpoint, EngineEvent } from '@shared/schemas/engine';
import type { EngineConnection } from '../docker/engine-connection';
import { GpuHelperLease } from '../gpus/engine-side/gpu-helper-lease';
import { boundSource } from '../streams/bound-source';
import type { StreamSource } from '../streams/stream-source';
import { portLinkRoute } from './port-links';
import { PortTunnels } from './port-tunnels';

export type ScopeConnection = Pick<EngineConnection, 'getState' | 'getDocker' | 'getClient'>;

/**
 * What belongs to one engine and must not outlive it: the ssh tunnels of its published ports, the GPU helper
 * container, and the streams of its containers' logs (`own`). Built for the engine the connection is on; `dispose`
 * (on a switch, at exit) closes the tunnels, removes the helper and ends those streams saying why. A reconnect to the
 * same engine keeps the scope: tunnels dial through the current ssh connection, log streams resume where they were.
 * Engine-wide watchers (events, stats, the cluster view) are not owned: they follow the connection to the next engine.
 */
export class EngineScope {
  private tunnels: PortTunnels | null = null;
  private gpuLease: { docker: Docker; lease: GpuHelperLease } | null = null;
  private disposed = false;
  private readonly left = new AbortController();

  constructor(
    private readonly connection: ScopeConnection,
    /** The engine this scope belongs to; null before the first endpoint is known. */
    readonly endpoint: Endpoint | null,
  ) {}

  get address(): string | null {
    return this.endpoint?.address ?? null;
  }

  /** The ssh tunnels of this engine's published ports (an ssh engine only). */
  portTunnels(): PortTunnels {
    this.assertOpen();
    const route = this.endpoint ? portLinkRoute(this.endpoint) : null;
    if (route?.kind !== 'tunnel') {
      throw new BerthError('E_INVALID_INPUT', 'Only an ssh engine reaches its published ports through a tunnel.', {
        fix: "Open the port's link directly: it is published on this machine or on the tcp engine's host.",
      });
    }
    this.tunnels ??= new PortTunnels(() => {
      const ssh = this.connection.getClient().ssh;
      if (!ssh) throw new BerthError('E_ENGINE_UNREACHABLE', 'The engine is no longer reached over ssh.');
      return ssh;
    }, route.hostLabel);
    return this.tunnels;
  }

  /** The engine's GPU helper lease (one per engine; a new one after a reconnect gave the engine a new client). */
  gpuHelper(image: string): GpuHelperLease {
    this.assertOpen();
    const docker = this.connection.getDocker();
    if (this.gpuLease?.docker !== docker) {
      void this.gpuLease?.lease.dispose().catch(() => {});
      this.gpuLease = { docker, lease: new GpuHelperLease(docker, image) };
    }
    return this.gpuLease.lease;
  }

  /** A stream of this engine's objects: ended, saying why, when the app leaves the engine. */
  own<M>(source: StreamSource<M>): StreamSource<M> {
    return boundSource(source, this.left.signal);
  }

  /** Closes the tunnels of a container that stopped or went away. */
  handleEngineEvent(event: EngineEvent): void {
    this.tunnels?.handleEngineEvent(event);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const engine = this.address ?? 'the engine';
    this.left.abort(
      new BerthError('E_CANCELLED', `Switched to another engine: this was on ${engine}.`, {
        fix: `Open it again to see the engine in use now, or switch back to ${engine}.`,
      }),
    );
    const tunnels = this.tunnels;
    const gpu = this.gpuLease;
    this.tunnels = null;
    this.gpuLease = null;
    await Promise.all([tunnels?.closeAll(), gpu?.lease.dispose().catch(() => {})]);
  }

  private assertOpen(): void {
    if (this.disposed) throw new BerthError('E_CANCELLED', 'Switched to another engine; try again.');
  }
}

/**
 * The scope of the engine the connection is on now: a new one when the connection moves to another engine (a
 * switch, or DOCKER_HOST resolving elsewhere on a reconnect), the old one disposed, together with `onReset`
 * (other engine-bound state, e.g. volume helpers).
 */
export class EngineScopes {
  private scope: EngineScope;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly connection: ScopeConnection & Pick<EngineConnection, 'onStateChange' | 'onEvent'>,
    private readonly onReset: () => Promise<void> = async () => {},
  ) {
    this.scope = new EngineScope(connection, connection.getState().endpoint);
    this.unsubscribe = [
      connection.onStateChange((state) => {
        if (!state.endpoint || state.endpoint.address === this.scope.address) return;
        // The first endpoint known (at start) is no change of engine: nothing else to release.
        if (this.scope.address === null) void this.replace();
        else void this.reset();
      }),
      connection.onEvent((event) => this.scope.handleEngineEvent(event)),
    ];
  }

  current(): EngineScope {
    return this.scope;
  }

  /** Disposes the current engine's state and starts a scope for the engine the connection is on now. */
  async reset(): Promise<void> {
    await Promise.all([this.replace(), this.onReset().catch(() => {})]);
  }

  private async replace(): Promise<void> {
    const old = this.scope;
    this.scope = new EngineScope(this.connection, this.connection.getState().endpoint);
    await old.dispose();
  }

  async dispose(): Promise<void> {
    for (const stop of this.unsubscribe) stop();
    await this.scope.dispose();
  }
}
