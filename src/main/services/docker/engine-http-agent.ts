import { Agent, type AgentOptions, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { inspect } from 'node:util';

/** Opens one connection to the engine (a TLS socket, an ssh channel…); resolves once it can carry a request. */
export type EngineDialer = () => Promise<Duplex> | Duplex;

/** Idle keep-alive connections close after this, so an idle engine holds nothing open for long. */
const IDLE_CONNECTION_MS = 15_000;

/**
 * The http.Agent behind every Engine API client: keep-alive connections made by `dial` (or Node's own for a
 * unix socket), and **no redirects**. docker-modem follows a 3xx `Location` anywhere, so an engine (or whatever
 * answers on its address) could make Berth send requests to a host and port of its choice — e.g. a container id
 * like `../127.0.0.1:18778/x?` made the engine answer with a redirect. The Location header of every 3xx response is
 * removed before docker-modem sees it, so the 3xx is reported as the error it is.
 */
export class EngineHttpAgent extends Agent {
  constructor(
    private readonly dial?: EngineDialer,
    options: AgentOptions = {},
  ) {
    // `servername: ''`: TLS, when there is any, is the dialer's; it also spares Node an IPv6 check of every
    // request's host (~4 ms of a short command).
    super({ keepAlive: true, timeout: IDLE_CONNECTION_MS, servername: '', ...options } as AgentOptions);
  }

  /**
   * docker-modem logs every request with `util.inspect(options, { showHidden: true, depth: null })` — eagerly, even
   * with its debug output off — and the options hold this agent with its sockets: ~20 ms of CPU per request, most
   * of `berth up`'s CPU time (npm run bench up-down-process). The agent prints as its name instead.
   */
  [inspect.custom](): string {
    return 'EngineHttpAgent';
  }

  addRequest(request: ClientRequest, options: object): void {
    request.prependListener('response', dropRedirectTarget);
    (Agent.prototype as unknown as { addRequest(request: ClientRequest, options: object): void }).addRequest.call(
      this,
      request,
      options,
    );
  }

  override createConnection(
    options: object,
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    if (!this.dial)
      return (Agent.prototype as unknown as AgentInternals).createConnection.call(this, options, callback);
    Promise.resolve()
      .then(() => this.dial!())
      .then(
        (socket) => callback(null, socket),
        (error: Error) => callback(error),
      );
    return undefined;
  }
}

interface AgentInternals {
  createConnection(options: object, callback: (error: Error | null, socket?: Duplex) => void): Duplex | undefined;
}

function dropRedirectTarget(response: IncomingMessage): void {
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400) delete response.headers.location;
}
