import { BerthError } from '@shared/errors';
import type {
  AddEngineInput,
  EngineList,
  EngineTestResultView,
  KnownEngineView,
  TestEngineInput,
} from '@shared/schemas/engines';
import type { EngineState } from '@shared/schemas/engine';
import { contextExists, DEFAULT_CONTEXT_NAME } from '../docker/context-store';
import { dockerConfigDir } from '../docker/docker-config';
import { parseDockerHost } from '../docker/docker-host';
import type { EngineConnection } from '../docker/engine-connection';
import type { ResolvedEndpoint } from '../docker/engine-target';
import { resolveEndpoint } from '../docker/resolve-endpoint';
import { SavedEnginesStore } from '../docker/saved-engines';
import { acceptHostKey } from '../docker/ssh/accept-host-key';
import { candidateEngine, resolveCandidate, type EngineCandidate } from './engine-candidate';
import { listKnownEngines, type KnownEngine } from './known-engines';
import { testEngine, type EngineTestResult } from './test-engine';

export interface EnginesServiceOptions {
  /** The environment the app started with: DOCKER_HOST, DOCKER_CONTEXT and the rest, before any switch. */
  env: NodeJS.ProcessEnv;
  homeDir: string;
  stateDir: string;
  connection: EngineConnection;
  /** Runs before the connection moves: release what the old engine holds (helper containers…). */
  beforeSwitch?: () => Promise<void>;
  /** Injected by tests to shorten connection tests. */
  testTimeoutMs?: number;
}

interface LastCheck {
  ok: boolean;
  message: string;
  at: number;
}

/**
 * The app's engines: lists what Berth knows (saved engines, docker contexts, DOCKER_HOST, local sockets), adds and
 * removes engines saved in Berth's state (shared with `berth engines`), tests one without switching, trusts an ssh
 * host key only when its exact fingerprint was accepted, and switches the live connection.
 */
export class EnginesService {
  private readonly options: EnginesServiceOptions;
  private readonly store: SavedEnginesStore;
  /** The name the app switched to; null while it runs on the engine its environment selects. */
  private selected: string | null = null;
  private readonly lastChecks = new Map<string, LastCheck>();

  constructor(options: EnginesServiceOptions) {
    this.options = options;
    this.store = new SavedEnginesStore(options.stateDir);
  }

  list(): EngineList {
    const known = this.known();
    const current = this.selected ?? known.find((engine) => engine.current)?.name ?? null;
    return {
      engines: known.map((engine) => this.view(engine, engine.name === current)),
      state: this.options.connection.getState(),
    };
  }

  async add(input: AddEngineInput): Promise<KnownEngineView> {
    const { env, homeDir, stateDir } = this.options;
    const name = input.name;
    if (name === DEFAULT_CONTEXT_NAME) {
      throw new BerthError('E_INVALID_INPUT', '"default" is the docker CLI\'s name for the engine it picks itself.', {
        fix: 'Pick another name.',
      });
    }
    if (this.known().some((engine) => engine.name === name)) {
      throw new BerthError('E_INVALID_INPUT', `An engine named "${name}" is listed already.`, {
        fix: 'Pick another name, or remove the saved one first.',
      });
    }
    if (contextExists(dockerConfigDir(env, homeDir), name)) {
      throw new BerthError('E_INVALID_INPUT', `A docker context named "${name}" exists already.`, {
        fix: 'Pick another name.',
      });
    }
    const engine = {
      ...candidateEngine(name, input),
      ...(input.description ? { description: input.description } : {}),
    };
    // Resolving reads the TLS files and applies ~/.ssh settings: what a switch will do, checked now.
    resolveCandidate(engine, { env, homeDir, stateDir });
    await this.store.save(engine);
    const listed = this.known().find((known) => known.name === name);
    if (!listed) throw new BerthError('E_INTERNAL', `"${name}" was saved but is not listed.`);
    return this.view(listed, false);
  }

  async test(input: TestEngineInput): Promise<EngineTestResultView> {
    const result =
      'name' in input
        ? await this.runTest(this.resolveListed(this.find(input.name)))
        : await this.runTest(this.resolveNew(input));
    if ('name' in input) this.remember(input.name, result);
    return result;
  }

  /**
   * Trusts the ssh host key of `address`, as answering "yes" to OpenSSH's prompt does, but only when the host
   * presents exactly `fingerprint` (the one the user compared) and no other key is recorded for it. Then tests again.
   */
  async acceptHostKey(input: {
    address: string;
    fingerprint: string;
  }): Promise<{ knownHostsFile: string; result: EngineTestResultView }> {
    const resolved = this.resolveNew({ address: input.address });
    const target = resolved.target;
    if (target.transport !== 'ssh') {
      throw new BerthError('E_INVALID_INPUT', 'Host keys belong to ssh:// engines.', {
        fix: 'Give the ssh://user@host address whose key you accepted.',
      });
    }
    const first = await testEngine(resolved, { timeoutMs: this.options.testTimeoutMs });
    const failure = first.ok ? undefined : first.failure;
    if (failure?.kind !== 'host-key-unknown') {
      throw new BerthError(
        'E_INVALID_INPUT',
        first.ok
          ? `${resolved.endpoint.address} is trusted already: nothing to record.`
          : `Berth did not record a host key: ${first.reason}`,
        { fix: first.ok ? 'Add the engine.' : first.fix },
      );
    }
    if (failure.hostKey.fingerprint !== input.fingerprint) {
      throw new BerthError(
        'E_INVALID_INPUT',
        `${failure.hostKey.host} now presents the ${failure.hostKey.keyType} key ${failure.hostKey.fingerprint}, not the ${input.fingerprint} you accepted.`,
        { fix: "Test the connection again and compare the new fingerprint with the host's owner before trusting it." },
      );
    }
    const knownHostsFile = await acceptHostKey(
      { host: target.host, port: target.port, user: target.username },
      failure.hostKey,
      { homeDir: target.homeDir ?? this.options.homeDir },
    );
    return { knownHostsFile, result: await this.runTest(resolved) };
  }

  /**
   * Moves the app to a listed engine. Refuses (without moving) one whose address or files are broken; an engine
   * that does not answer is switched to anyway, and the state says why it is unreachable. Remembered for the next
   * start and the CLI (`berth engines use`) when it connected and can be named.
   */
  async switchTo(name: string): Promise<{ state: EngineState; remembered: boolean }> {
    const engine = this.find(name);
    const env = this.envFor(engine);
    try {
      this.resolveIn(env);
    } catch (error) {
      throw asSwitchError(engine, error);
    }
    await this.options.beforeSwitch?.().catch(() => {});
    const state = await this.options.connection.switchTo(env);
    this.selected = engine.name;
    this.lastChecks.set(engine.name, {
      ok: state.status === 'connected',
      message: state.status === 'connected' ? 'connected' : (state.reason ?? state.status),
      at: Date.now(),
    });
    const remembered = state.status === 'connected' && engine.selectableByName;
    if (remembered) await this.store.use(engine.name === DEFAULT_CONTEXT_NAME ? undefined : engine.name);
    return { state, remembered };
  }

  /** Forgets an engine added in Berth; the one in use can't be removed (switch away first). */
  async remove(name: string): Promise<{ removed: string }> {
    const engine = this.find(name);
    if (engine.origin !== 'berth') {
      throw new BerthError('E_INVALID_INPUT', `"${name}" was not added in Berth (it is a ${engine.detail}).`, {
        fix:
          engine.origin === 'docker-context'
            ? `Remove the context with \`docker context rm ${name}\`.`
            : 'Only engines added in Berth can be removed here.',
      });
    }
    if (this.list().engines.some((listed) => listed.name === name && listed.current)) {
      throw new BerthError('E_INVALID_INPUT', `Berth is using "${name}" now.`, {
        fix: 'Switch to another engine first, then remove it.',
      });
    }
    await this.store.remove(name);
    this.lastChecks.delete(name);
    return { removed: name };
  }

  private known(): KnownEngine[] {
    return listKnownEngines({
      env: this.options.env,
      homeDir: this.options.homeDir,
      stateDir: this.options.stateDir,
    });
  }

  private find(name: string): KnownEngine {
    const engine = this.known().find((known) => known.name === name);
    if (!engine) {
      throw new BerthError('E_NOT_FOUND', `No engine named "${name}" is listed.`, {
        fix: 'Pick one from the engine list, or add it with "Add engine…".',
      });
    }
    return engine;
  }

  /** The environment that selects `engine`, as `berth --context NAME` or `-H ADDRESS` would. */
  private envFor(engine: KnownEngine): NodeJS.ProcessEnv {
    const { env } = this.options;
    // "default" is whatever the app's own environment selects without a context: DOCKER_HOST, else the socket.
    if (engine.name === DEFAULT_CONTEXT_NAME && engine.selectableByName) {
      return { ...env, DOCKER_CONTEXT: DEFAULT_CONTEXT_NAME };
    }
    // As `berth --context NAME` and `-H ADDRESS` do (the docker CLI's rules).
    const { DOCKER_HOST: _host, DOCKER_CONTEXT: _context, ...rest } = env;
    if (engine.selectableByName) return { ...rest, DOCKER_CONTEXT: engine.name };
    const { DOCKER_TLS_VERIFY: _verify, DOCKER_TLS: _tls, DOCKER_CERT_PATH: _certs, ...plain } = rest;
    return { ...plain, DOCKER_HOST: engine.address };
  }

  private resolveIn(env: NodeJS.ProcessEnv): ResolvedEndpoint {
    return resolveEndpoint({ env, homeDir: this.options.homeDir, stateDir: this.options.stateDir });
  }

  private resolveListed(engine: KnownEngine): ResolvedEndpoint {
    try {
      return this.resolveIn(this.envFor(engine));
    } catch (error) {
      throw asSwitchError(engine, error);
    }
  }

  private resolveNew(candidate: EngineCandidate): ResolvedEndpoint {
    const { env, homeDir, stateDir } = this.options;
    const resolved = resolveCandidate(candidateEngine('new-engine', candidate), { env, homeDir, stateDir });
    // Not saved yet: no name to put in messages.
    const { context: _unnamed, ...endpoint } = resolved.endpoint;
    return { ...resolved, endpoint };
  }

  private async runTest(resolved: ResolvedEndpoint): Promise<EngineTestResultView> {
    return toView(await testEngine(resolved, { timeoutMs: this.options.testTimeoutMs }));
  }

  private remember(name: string, result: EngineTestResultView): void {
    this.lastChecks.set(name, {
      ok: result.ok,
      message: result.ok ? `${result.info.name}: ${result.info.os}` : result.reason,
      at: Date.now(),
    });
  }

  private view(engine: KnownEngine, current: boolean): KnownEngineView {
    return {
      name: engine.name,
      address: engine.address,
      kind: engine.kind,
      origin: engine.origin,
      detail: engine.detail,
      current,
      local: isLocal(engine.address),
      removable: engine.origin === 'berth',
      lastCheck: this.lastChecks.get(engine.name) ?? null,
    };
  }
}

function isLocal(address: string): boolean {
  try {
    return parseDockerHost(address, null, { label: 'address', fix: '' }).local;
  } catch {
    return false;
  }
}

function asSwitchError(engine: KnownEngine, error: unknown): BerthError {
  const message = error instanceof Error ? error.message : String(error);
  return new BerthError('E_INVALID_INPUT', `Berth cannot use "${engine.name}": ${message}`, {
    fix: error instanceof BerthError ? error.fix : undefined,
    cause: error,
  });
}

/** What the dialog shows: the test result without the ssh internals (the key blob stays in main). */
function toView(result: EngineTestResult): EngineTestResultView {
  if (result.ok) {
    const { endpoint, info, gpus, notes, elapsedMs } = result;
    return {
      ok: true,
      endpoint,
      info,
      gpus: { nvidiaRuntime: gpus.nvidiaRuntime, runtimes: gpus.runtimes, cdiDevices: gpus.cdiDevices },
      notes,
      elapsedMs,
    };
  }
  const { endpoint, reason, fix, failure, elapsedMs } = result;
  const hostKey =
    failure?.kind === 'host-key-unknown'
      ? {
          host: failure.hostKey.host,
          keyType: failure.hostKey.keyType,
          fingerprint: failure.hostKey.fingerprint,
        }
      : undefined;
  return {
    ok: false,
    endpoint,
    reason,
    fix,
    ...(failure ? { failureKind: failure.kind } : {}),
    ...(hostKey ? { hostKey } : {}),
    elapsedMs,
  };
}
