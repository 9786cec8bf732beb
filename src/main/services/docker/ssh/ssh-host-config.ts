import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import SSHConfig from 'ssh-config';

/** What Berth takes from `~/.ssh/config` (and `/etc/ssh/ssh_config`) for one host, after OpenSSH's precedence. */
export interface SshHostSettings {
  /** The name the engine address gave (maybe a `Host` alias). */
  alias: string;
  hostname: string;
  port: number;
  user: string;
  /** Absolute paths of `IdentityFile`s, in order; OpenSSH's defaults when none is configured. */
  identityFiles: string[];
  /** True when IdentityFile was configured (not the defaults): only then do missing files deserve a mention. */
  identityFilesConfigured: boolean;
  identitiesOnly: boolean;
  /** `IdentityAgent`: a socket path, `none`, or undefined for SSH_AUTH_SOCK. */
  identityAgent?: string;
  /** `ProxyJump` as written, e.g. `bastion` or `user@jump:2222,other`. */
  proxyJump?: string;
  strictHostKeyChecking: 'yes' | 'ask' | 'accept-new' | 'no';
  userKnownHostsFiles: string[];
  globalKnownHostsFiles: string[];
  hashKnownHosts: boolean;
  hostKeyAlias?: string;
  connectTimeoutMs?: number;
  /** ServerAliveInterval (ms); Berth's own default keeps a dead connection from going unnoticed. */
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
}

export interface SshConfigSources {
  homeDir: string;
  /** The local user name: the default remote user, `%u`. */
  localUser: string;
  /** Defaults to `<homeDir>/.ssh/config`. */
  userConfigPath?: string;
  /** Defaults to `/etc/ssh/ssh_config`; null reads none. */
  systemConfigPath?: string | null;
}

export interface SshHostQuery {
  host: string;
  /** From the engine address: beats the config, as `ssh -p`/`user@` do. */
  port?: number;
  user?: string;
}

const DEFAULT_IDENTITIES = ['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_dsa'];
const DEFAULT_KEEPALIVE_MS = 5_000;
const DEFAULT_KEEPALIVE_COUNT = 3;

/** Computes the settings OpenSSH would use to reach `query.host`: the address's own user/port first, then the files. */
export async function resolveSshHost(query: SshHostQuery, sources: SshConfigSources): Promise<SshHostSettings> {
  const userConfigPath = sources.userConfigPath ?? join(sources.homeDir, '.ssh', 'config');
  const systemConfigPath = sources.systemConfigPath === undefined ? '/etc/ssh/ssh_config' : sources.systemConfigPath;
  const texts = await Promise.all([
    readConfigText(userConfigPath, join(sources.homeDir, '.ssh')),
    systemConfigPath ? readConfigText(systemConfigPath, dirname(systemConfigPath)) : Promise.resolve(''),
  ]);
  // First obtained value wins (ssh_config(5)): the user's file is read before the system's.
  // A User given to compute() is taken as already decided (it beats the files), so pass only the address's own.
  const computed = SSHConfig.parse(texts.join('\n')).compute(
    query.user ? { Host: query.host, User: query.user } : { Host: query.host },
    { ignoreCase: true, matchExec: false },
  );
  const first = (key: string): string | undefined => {
    const value = computed[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const all = (key: string): string[] => {
    const value = computed[key];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(/\s+/)).filter(Boolean);
  };

  const hostname = expandTokens(first('hostname') ?? query.host, { host: query.host, ...sources, user: '' });
  const user = query.user ?? first('user') ?? sources.localUser;
  const tokens = { host: hostname, homeDir: sources.homeDir, localUser: sources.localUser, user };
  const configuredIdentities = all('identityfile').map((file) => expandPath(file, tokens));
  const identityFiles =
    configuredIdentities.length > 0
      ? configuredIdentities
      : DEFAULT_IDENTITIES.map((name) => join(sources.homeDir, '.ssh', name));
  const userKnownHosts = all('userknownhostsfile');
  const globalKnownHosts = all('globalknownhostsfile');
  const connectTimeout = Number(first('connecttimeout'));
  const aliveInterval = Number(first('serveraliveinterval'));
  const aliveCount = Number(first('serveralivecountmax'));
  const agent = first('identityagent');
  const proxyJump = first('proxyjump');
  return {
    alias: query.host,
    hostname,
    port: query.port ?? (Number(first('port')) || 22),
    user,
    identityFiles,
    identityFilesConfigured: configuredIdentities.length > 0,
    identitiesOnly: isYes(first('identitiesonly')),
    identityAgent: agent && agent.toUpperCase() !== 'SSH_AUTH_SOCK' ? expandPath(agent, tokens) : undefined,
    proxyJump: proxyJump && proxyJump.toLowerCase() !== 'none' ? proxyJump : undefined,
    strictHostKeyChecking: strictness(first('stricthostkeychecking')),
    userKnownHostsFiles: (userKnownHosts.length > 0
      ? userKnownHosts
      : ['~/.ssh/known_hosts', '~/.ssh/known_hosts2']
    ).map((file) => expandPath(file, tokens)),
    globalKnownHostsFiles: (globalKnownHosts.length > 0
      ? globalKnownHosts
      : ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2']
    ).map((file) => expandPath(file, tokens)),
    hashKnownHosts: isYes(first('hashknownhosts')),
    hostKeyAlias: first('hostkeyalias'),
    connectTimeoutMs: connectTimeout > 0 ? connectTimeout * 1000 : undefined,
    keepaliveIntervalMs: aliveInterval > 0 ? aliveInterval * 1000 : DEFAULT_KEEPALIVE_MS,
    keepaliveCountMax: aliveCount > 0 ? aliveCount : DEFAULT_KEEPALIVE_COUNT,
  };
}

/** One hop of a ProxyJump list: `[user@]host[:port]` (or an `ssh://` URL). */
export function parseJumpHop(hop: string): SshHostQuery {
  const text = hop.startsWith('ssh://') ? hop.slice(6) : hop;
  const at = text.lastIndexOf('@');
  const user = at === -1 ? undefined : text.slice(0, at);
  const hostPort = at === -1 ? text : text.slice(at + 1);
  const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(hostPort);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(hostPort);
  const match = bracketed ?? plain;
  return {
    host: match?.[1] ?? hostPort,
    port: match?.[2] ? Number(match[2]) : undefined,
    user: user || undefined,
  };
}

function strictness(value: string | undefined): SshHostSettings['strictHostKeyChecking'] {
  switch (value?.toLowerCase()) {
    case 'yes':
      return 'yes';
    case 'accept-new':
      return 'accept-new';
    case 'no':
    case 'off':
      return 'no';
    default:
      return 'ask';
  }
}

function isYes(value: string | undefined): boolean {
  return value?.toLowerCase() === 'yes' || value?.toLowerCase() === 'true';
}

interface Tokens {
  host: string;
  homeDir: string;
  localUser: string;
  user: string;
}

/** ssh_config's tokens that make sense here: `%d` home, `%u` local user, `%r` remote user, `%h` host, `%%`. */
function expandTokens(value: string, tokens: Tokens): string {
  return value.replace(/%([%dhur])/g, (_whole, token: string) => {
    switch (token) {
      case 'd':
        return tokens.homeDir;
      case 'h':
        return tokens.host;
      case 'u':
        return tokens.localUser;
      case 'r':
        return tokens.user;
      default:
        return '%';
    }
  });
}

function expandPath(value: string, tokens: Tokens): string {
  const expanded = expandTokens(value.replace(/^"(.*)"$/, '$1'), tokens);
  if (expanded === '~') return tokens.homeDir;
  if (expanded.startsWith('~/')) return join(tokens.homeDir, expanded.slice(2));
  return isAbsolute(expanded) || expanded.toLowerCase() === 'none' ? expanded : join(tokens.homeDir, '.ssh', expanded);
}

/** The file's text with each `Include` replaced by the files it names (globs in the last path part), depth-limited. */
async function readConfigText(path: string, relativeTo: string, depth = 0): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return '';
  }
  if (depth >= 8) return text;
  const lines = await Promise.all(
    text.split('\n').map(async (line) => {
      const include = /^\s*include\s+(.+)$/i.exec(line);
      if (!include) return line;
      const parts = await Promise.all(
        include[1]!
          .trim()
          .split(/\s+/)
          .map(async (pattern) => {
            const absolute = pattern.startsWith('~/')
              ? join(dirname(relativeTo), pattern.slice(2))
              : isAbsolute(pattern)
                ? pattern
                : join(relativeTo, pattern);
            const files = await globLastSegment(absolute);
            const included = await Promise.all(files.map((file) => readConfigText(file, relativeTo, depth + 1)));
            return included.join('\n');
          }),
      );
      return parts.join('\n');
    }),
  );
  return lines.join('\n');
}

async function globLastSegment(path: string): Promise<string[]> {
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path];
  const dir = dirname(path);
  const matcher = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  try {
    return (await readdir(dir))
      .filter((entry) => matcher.test(entry))
      .sort()
      .map((entry) => join(dir, entry));
  } catch {
    return [];
  }
}
