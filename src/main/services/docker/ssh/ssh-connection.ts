import { userInfo } from 'node:os';
import type { Client, ClientChannel, PseudoTtyOptions } from 'ssh2';
import { BerthError } from '@shared/errors';
import type { SshHostQuery, SshHostSettings } from './ssh-host-config';

export interface SshConnectionOptions {
  /** Where `~/.ssh` (config, known_hosts, default keys) is. */
  homeDir: string;
  /** The ssh-agent socket (SSH_AUTH_SOCK); the config's IdentityAgent wins when set. */
  agentSocket?: string;
  /** The local user: the remote user when neither the address nor the config names one. */
  localUser?: string;
  /** `/etc/ssh/ssh_config` unless told otherwise; null reads no system file (tests). */
  systemConfigPath?: string | null;
  /** Handshake + authentication deadline when the config sets no ConnectTimeout. */
  readyTimeoutMs?: number;
  /** The rest of a ProxyJump chain, set for a hop by the connection that jumps through it. */
  jumpVia?: string;
}

/** Connections and channels opened so far: how benchmarks and tests count ssh sessions. */
export interface SshStats {
  connections: number;
  channels: number;
}

/**
 * One ssh connection to a host, opened on first use and shared by everything that needs the host: Engine API
 * channels, port forwards, shells. It reads `~/.ssh/config`, verifies the host key against known_hosts as OpenSSH
 * does (an unknown key is refused with its fingerprint unless StrictHostKeyChecking says otherwise; a changed or
 * revoked one always), authenticates with the agent and unencrypted key files, and sends keepalives. After a drop the
 * next request connects again.
 */
export class SshConnection {
  readonly stats: SshStats = { connections: 0, channels: 0 };
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private resolved: Promise<SshHostSettings> | null = null;
  private jump: SshConnection | null = null;
  private closed = false;
  private readonly closeListeners = new Set<(cause: Error | undefined) => void>();

  constructor(
    readonly destination: SshHostQuery,
    private readonly options: SshConnectionOptions,
  ) {}

  /** `user@host:port` as the address gave it, for messages. */
  describe(): string {
    const { host, port, user } = this.destination;
    return `${user ? `${user}@` : ''}${host}${port && port !== 22 ? `:${port}` : ''}`;
  }

  /** The ssh command line that reaches the same host, for fixes: `ssh -p 2222 ada@gpu-box`. */
  sshCommand(): string {
    const { host, port, user } = this.destination;
    return `ssh ${port && port !== 22 ? `-p ${port} ` : ''}${user ? `${user}@` : ''}${host}`;
  }

  /** The settings OpenSSH would use for this host (read once). */
  settings(): Promise<SshHostSettings> {
    this.resolved ??= import('./ssh-host-config').then(({ resolveSshHost }) =>
      resolveSshHost(this.destination, {
        homeDir: this.options.homeDir,
        localUser: this.options.localUser ?? userInfo().username,
        systemConfigPath: this.options.systemConfigPath,
      }),
    );
    return this.resolved;
  }

  /** The connected client, connecting first if needed; concurrent callers share one handshake. */
  connect(): Promise<Client> {
    if (this.closed)
      return Promise.reject(new BerthError('E_CANCELLED', `The ssh connection to ${this.describe()} was closed.`));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.handshake().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Runs `command` on the host (through the user's shell, as sshd always does) in a new channel. */
  async exec(
    command: string,
    options: { pty?: PseudoTtyOptions; env?: Record<string, string> } = {},
  ): Promise<ClientChannel> {
    const client = await this.connect();
    return this.openChannel((callback) =>
      client.exec(command, { pty: options.pty ?? false, env: options.env }, callback),
    );
  }

  /** An interactive login shell with a PTY (what `ssh host` opens). */
  async shell(pty: PseudoTtyOptions, env?: Record<string, string>): Promise<ClientChannel> {
    const client = await this.connect();
    return this.openChannel((callback) => client.shell(pty, { env }, callback));
  }

  /** A channel to `host:port` as seen from the ssh host (`ssh -L`'s far end). */
  async forwardOut(host: string, port: number): Promise<ClientChannel> {
    const client = await this.connect();
    return this.openChannel((callback) => client.forwardOut('127.0.0.1', 0, host, port, callback));
  }

  /** A channel to a unix socket on the ssh host (OpenSSH's direct-streamlocal), no process started there. */
  async openUnixSocket(path: string): Promise<ClientChannel> {
    const client = await this.connect();
    return this.openChannel((callback) => client.openssh_forwardOutStreamLocal(path, callback));
  }

  /** Called each time an established connection ends (the next request reconnects). */
  onClose(listener: (cause: Error | undefined) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Ends the connection for good, and its ProxyJump hops. */
  close(): void {
    this.closed = true;
    this.client?.end();
    this.client = null;
    this.jump?.close();
    this.jump = null;
  }

  private openChannel(
    open: (callback: (error: Error | undefined, channel: ClientChannel) => void) => void,
  ): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      open((error, channel) => {
        if (error) {
          reject(
            new BerthError('E_ENGINE_UNREACHABLE', `ssh to ${this.describe()}: ${error.message}`, { cause: error }),
          );
          return;
        }
        this.stats.channels += 1;
        resolve(channel);
      });
    });
  }

  private async handshake(): Promise<Client> {
    const settings = await this.settings();
    // ssh2 and the handshake's code (a third of a short `berth` command's start-up) load with the first connection.
    const [{ openSshClient }, sock] = await Promise.all([import('./ssh-handshake'), this.jumpSocket(settings)]);
    const client = await openSshClient(settings, {
      agentSocket: this.options.agentSocket,
      sock,
      readyTimeoutMs: this.options.readyTimeoutMs,
      sshCommand: this.sshCommand(),
    });
    this.stats.connections += 1;
    this.client = client;
    client.on('close', () => {
      if (this.client === client) this.client = null;
      for (const listener of [...this.closeListeners]) {
        try {
          listener(undefined);
        } catch {
          // A listener's failure is its own.
        }
      }
    });
    return client;
  }

  /** For ProxyJump: a channel through the previous hop, which this connection owns. */
  private async jumpSocket(settings: SshHostSettings): Promise<ClientChannel | undefined> {
    const chain = this.options.jumpVia ?? settings.proxyJump;
    if (!chain) return undefined;
    const hops = chain
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.pop()!;
    const { parseJumpHop } = await import('./ssh-host-config');
    this.jump?.close();
    this.jump = new SshConnection(parseJumpHop(last), {
      ...this.options,
      jumpVia: hops.length > 0 ? hops.join(',') : undefined,
    });
    return this.jump.forwardOut(settings.hostname, settings.port);
  }
}
