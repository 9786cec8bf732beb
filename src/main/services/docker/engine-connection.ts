import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { connectEngine, pingEngine, requestTimeoutFor } from './connect-engine';
import type { EngineClient } from './docker-client';
import { diagnoseUnreachable } from './diagnose-unreachable';
import { connectedState, connectingState, unreachableState } from './engine-state';
import type { ResolvedEndpoint } from './engine-target';
import { subscribeToEvents, type EventsSubscription } from './events-subscription';
import { resolveEndpoint } from './resolve-endpoint';

export { probeEngine, type ProbeEngineOptions } from './probe-engine';

export interface EngineConnectionOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  backoff?: BackoffOptions;
  now?: () => number;
  /** How often a connected engine is pinged; the events stream usually reports a loss first. */
  heartbeatMs?: number;
  /** How long each request of a connection attempt may take; by default 5 s, 30 s over ssh (`requestTimeoutFor`). */
  requestTimeoutMs?: number;
  platform?: NodeJS.Platform;
  /** Injected by tests to control which well-known sockets exist. */
  fileExists?: (path: string) => boolean;
}

const DEFAULT_HEARTBEAT_MS = 5_000;

type Listener<T> = (value: T) => void;

/**
 * Keeps one connection to the engine: connects (ping, info, version), follows `/events`, notices when the engine
 * goes away (the stream ends or a heartbeat ping fails), and reconnects with backoff, resolving the endpoint again
 * each time so a fixed DOCKER_HOST or context is picked up. Attempts never overlap, and timers never throw.
 * `switchTo` moves it to another engine at run time; listeners see the same states as for any (re)connect.
 */
export class EngineConnection {
  private readonly options: EngineConnectionOptions;
  private readonly backoff: BackoffOptions;
  private readonly now: () => number;
  private state: EngineState;
  private readonly stateListeners = new Set<Listener<EngineState>>();
  private readonly eventListeners = new Set<Listener<EngineEvent>>();

  private docker: Docker | null = null;
  private client: EngineClient | null = null;
  private requestTimeoutMs: number | undefined;
  private events: EventsSubscription | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private firstAttempt: Promise<void> | null = null;
  private readonly stopController = new AbortController();
  /** Aborted (and replaced) by each switch, so an attempt at the previous engine ends at once. */
  private switchController = new AbortController();
  /** The environment the endpoint is resolved from; a switch replaces it. */
  private env: NodeJS.ProcessEnv;
  /** Switches run one after the other. */
  private switching: Promise<unknown> = Promise.resolve();
  /** Failed attempts (and short-lived connections) in a row; sets the next retry delay. */
  private failures = 0;
  private connectedAt = 0;
  /** Bumped whenever a connection ends, so callbacks of an older connection do nothing. */
  private generation = 0;

  constructor(options: EngineConnectionOptions) {
    this.options = options;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? Date.now;
    this.env = options.env;
    this.state = connectingState(null, this.now());
  }

  /** Resolves after the first attempt, connected or unreachable. Calling it again returns the same promise. */
  start(): Promise<void> {
    this.firstAttempt ??= this.attempt();
    return this.firstAttempt;
  }

  /** Ends the events stream and every timer, and waits for an attempt in flight. Idempotent; a stopped connection stays stopped. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopController.abort(new BerthError('E_CANCELLED', 'The engine connection was stopped.'));
      this.dropConnection();
      this.clearRetryTimer();
    }
    await this.inFlight?.catch(() => {});
  }

  /**
   * Moves to the engine `env` selects (the docker CLI's rules: DOCKER_HOST, DOCKER_CONTEXT…): ends the current
   * connection or the attempt in flight, tells every listener "connecting" to the new endpoint, and connects. A
   * switch is not a loss: there is no backoff from the old engine's failures. Resolves with the state after the
   * first attempt, connected or unreachable (then retried as usual).
   */
  switchTo(env: NodeJS.ProcessEnv): Promise<EngineState> {
    const run = this.switching.then(() => this.switchNow(env));
    this.switching = run.catch(() => {});
    return run;
  }

  private async switchNow(env: NodeJS.ProcessEnv): Promise<EngineState> {
    if (this.stopped) throw new BerthError('E_CANCELLED', 'The engine connection was stopped.');
    this.env = env;
    this.switchController.abort(new BerthError('E_CANCELLED', 'Switched to another engine.'));
    this.switchController = new AbortController();
    this.dropConnection();
    this.clearRetryTimer();
    await this.inFlight?.catch(() => {});
    if (this.stopped) return this.state;
    this.failures = 0;
    let endpoint: EngineState['endpoint'] = null;
    try {
      endpoint = this.resolve().endpoint;
    } catch {
      // The attempt reports it, with the fix.
    }
    this.setState(connectingState(endpoint, this.now()));
    this.firstAttempt ??= this.attempt();
    await this.attempt();
    return this.state;
  }

  getState(): EngineState {
    return this.state;
  }

  onStateChange(listener: Listener<EngineState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Engine events, as they arrive; the subscription survives reconnects. */
  onEvent(listener: Listener<EngineEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** The client of the connected engine; throws E_ENGINE_UNREACHABLE with the reason and the fix otherwise. */
  getDocker(): Docker {
    if (this.state.status === 'connected' && this.docker) return this.docker;
    const connecting = this.state.status === 'connecting';
    const reason =
      this.state.reason ?? (connecting ? 'Still connecting to the engine.' : 'Not connected to the engine.');
    const fix = this.state.fix ?? (connecting ? 'Berth connects on its own; try again in a moment.' : undefined);
    throw new BerthError('E_ENGINE_UNREACHABLE', reason, { fix });
  }

  /**
   * The connected engine's client with what it holds open (for an ssh engine, the ssh connection that tunnels,
   * host shells and helpers share); throws like `getDocker` when not connected.
   */
  getClient(): EngineClient {
    this.getDocker();
    return this.client!;
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private attempt(): Promise<void> {
    this.inFlight ??= this.connect().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private resolve(): ResolvedEndpoint {
    return resolveEndpoint({ ...this.options, env: this.env });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.clearRetryTimer();
    // Stopping, or switching to another engine, ends this attempt.
    const signal = AbortSignal.any([this.stopController.signal, this.switchController.signal]);
    let resolved: ResolvedEndpoint | null = null;
    let events: EventsSubscription | null = null;
    let client: EngineClient | null = null;
    const generation = ++this.generation;
    try {
      resolved = this.resolve();
      this.requestTimeoutMs = this.options.requestTimeoutMs ?? requestTimeoutFor(resolved.target);
      const requestOptions = { timeoutMs: this.requestTimeoutMs, signal };
      const session = await connectEngine(resolved, requestOptions);
      client = session.client;
      events = await subscribeToEvents(
        session.docker,
        {
          onEvent: (event) => this.emit(this.eventListeners, event),
          onEnd: (cause) => this.handleLoss(generation, cause),
        },
        requestOptions,
      );
      if (signal.aborted) {
        events.close();
        client.close();
        return;
      }
      this.docker = session.docker;
      this.client = client;
      // ssh2 reports the dropped connection before it closes its channels, so readers that see their stream
      // break find the engine already "connecting" (and wait for it) rather than "connected" (and give up).
      client.ssh?.onClose(() =>
        this.handleLoss(generation, new Error(`the ssh connection to ${client!.ssh!.describe()} closed`)),
      );
      this.events = events;
      this.connectedAt = this.now();
      this.setState(connectedState(resolved.endpoint, session.info, this.connectedAt));
      this.scheduleHeartbeat(generation);
    } catch (error) {
      events?.close();
      client?.close();
      if (signal.aborted) return;
      this.failures += 1;
      const delay = backoffDelay(this.failures, this.backoff);
      const endpoint = resolved?.endpoint ?? null;
      const diagnosis = diagnoseUnreachable(error, endpoint, this.options.platform ?? process.platform);
      const now = this.now();
      this.setState(unreachableState(endpoint, diagnosis, now + delay, this.sinceFor('unreachable', now)));
      this.scheduleRetry(delay);
    }
  }

  /** The connection of `generation` is gone: check again at once, unless connections keep dying young. */
  private handleLoss(generation: number, cause: unknown): void {
    if (generation !== this.generation || this.stopped || this.state.status !== 'connected') return;
    const endpoint = this.state.endpoint;
    const livedLongEnough = this.now() - this.connectedAt >= this.backoff.maxMs;
    this.failures = livedLongEnough ? 0 : this.failures + 1;
    this.dropConnection();
    const reason = `Lost the connection: ${cause instanceof Error ? cause.message : String(cause)}`;
    this.setState(connectingState(endpoint, this.now(), reason));
    if (this.failures === 0) void this.attempt();
    else this.scheduleRetry(backoffDelay(this.failures, this.backoff));
  }

  private scheduleHeartbeat(generation: number): void {
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = null;
      const docker = this.docker;
      if (generation !== this.generation || !docker) return;
      pingEngine(docker, { timeoutMs: this.requestTimeoutMs, signal: this.stopController.signal }).then(
        () => {
          if (generation === this.generation) this.scheduleHeartbeat(generation);
        },
        (error: unknown) => this.handleLoss(generation, error),
      );
    }, this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  private scheduleRetry(delayMs: number): void {
    this.clearRetryTimer();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt();
    }, delayMs);
  }

  private clearRetryTimer(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Forgets the current connection: its stream, its heartbeat, its client (closing what it held open). */
  private dropConnection(): void {
    this.generation += 1;
    this.events?.close();
    this.events = null;
    this.client?.close();
    this.client = null;
    this.docker = null;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  /** `since` moves only when the status changes, so repeated failures keep "unreachable since …". */
  private sinceFor(status: EngineState['status'], now: number): number {
    return this.state.status === status ? this.state.since : now;
  }

  private setState(state: EngineState): void {
    this.state = state;
    this.emit(this.stateListeners, state);
  }

  /** A throwing listener must not break the connection or the other listeners. */
  private emit<T>(listeners: Set<Listener<T>>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch {
        // Listeners own their errors; the connection has nothing useful to do with them.
      }
    }
  }
}
