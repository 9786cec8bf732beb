import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { BerthError } from '@shared/errors';
import { hostKeyIdentity, knownHostsName } from './host-key';
import { appendKnownHost, checkHostKey, knownKeyTypes, readKnownHosts } from './known-hosts';
import { planAuthentication } from './ssh-auth';
import { authenticationError, changedHostKeyError, revokedHostKeyError, unknownHostKeyError } from './ssh-errors';
import type { SshHostSettings } from './ssh-host-config';

const DEFAULT_READY_TIMEOUT_MS = 30_000;
/** ssh2's host key algorithms, OpenSSH's order; the ones known_hosts holds for the host are asked for first. */
const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

export interface SshClientOptions {
  /** The ssh-agent socket (SSH_AUTH_SOCK); the config's IdentityAgent wins when set. */
  agentSocket?: string;
  /** A channel through a ProxyJump hop to connect over, instead of a tcp connection. */
  sock?: ClientChannel;
  /** Handshake + authentication deadline when the config sets no ConnectTimeout. */
  readyTimeoutMs?: number;
  /** The ssh command line that reaches the host, for the fix of an unknown host key. */
  sshCommand: string;
}

/**
 * Connects to the host `settings` describe and authenticates: the host key verified against known_hosts as OpenSSH
 * does (an unknown key is refused with its fingerprint unless StrictHostKeyChecking says otherwise; a changed or
 * revoked one always), the agent's keys and unencrypted key files offered, keepalives on. Resolves with the ready
 * client; what happens to it afterwards is the caller's.
 */
export async function openSshClient(settings: SshHostSettings, options: SshClientOptions): Promise<Client> {
  const destination = `${settings.user}@${settings.hostname}${settings.port === 22 ? '' : `:${settings.port}`}`;
  const knownHostsFiles = [...settings.userKnownHostsFiles, ...settings.globalKnownHostsFiles];
  const [entries, auth] = await Promise.all([
    readKnownHosts(knownHostsFiles),
    planAuthentication(settings, options.agentSocket),
  ]);
  const hostName = knownHostsName(settings.hostKeyAlias ?? settings.hostname, settings.port);
  const preferredTypes = knownKeyTypes(entries, hostName);
  let refusal: BerthError | null = null;

  const hostVerifier = (key: Buffer, verify: (valid: boolean) => void) => {
    const identity = hostKeyIdentity(settings.hostKeyAlias ?? settings.hostname, settings.port, key);
    const verdict = checkHostKey(entries, hostName, key);
    if (verdict.status === 'known') return verify(true);
    if (verdict.status === 'changed') refusal = changedHostKeyError(identity, verdict.file, verdict.line);
    else if (verdict.status === 'revoked') refusal = revokedHostKeyError(identity, verdict.file, verdict.line);
    else if (settings.strictHostKeyChecking === 'accept-new' || settings.strictHostKeyChecking === 'no') {
      // As OpenSSH does with accept-new: record the new key, then go on.
      appendKnownHost(settings.userKnownHostsFiles[0]!, hostName, key, settings.hashKnownHosts).then(
        () => verify(true),
        () => verify(true),
      );
      return;
    } else {
      refusal = unknownHostKeyError(options.sshCommand, identity, verdict.otherTypes, settings.userKnownHostsFiles[0]!);
    }
    verify(false);
  };

  const config: ConnectConfig = {
    host: settings.hostname,
    port: settings.port,
    username: settings.user,
    sock: options.sock,
    hostVerifier,
    authHandler: auth.authHandler,
    keepaliveInterval: settings.keepaliveIntervalMs,
    keepaliveCountMax: settings.keepaliveCountMax,
    readyTimeout: settings.connectTimeoutMs ?? options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    algorithms: { serverHostKey: orderHostKeyAlgorithms(preferredTypes) as never },
  };

  const client = new Client();
  return new Promise<Client>((resolve, reject) => {
    let ready = false;
    client.on('error', (error: Error & { level?: string }) => {
      if (ready) return; // 'close' follows and reports the loss
      if (refusal) reject(refusal);
      else if (error.level === 'client-authentication') {
        reject(authenticationError(destination, settings.user, auth.offered, auth.notes, error));
      } else reject(transportError(destination, error));
    });
    client.on('ready', () => {
      ready = true;
      resolve(client);
    });
    client.on('close', () => {
      if (!ready)
        reject(refusal ?? transportError(destination, new Error('the connection closed during the handshake')));
    });
    client.connect(config);
  });
}

function orderHostKeyAlgorithms(knownTypes: string[]): string[] {
  const known = (algorithm: string) =>
    knownTypes.includes(algorithm) || (algorithm.startsWith('rsa-sha2') && knownTypes.includes('ssh-rsa'));
  return [...HOST_KEY_ALGORITHMS.filter(known), ...HOST_KEY_ALGORITHMS.filter((algorithm) => !known(algorithm))];
}

/** A network or protocol failure before the connection was up, with what to check. */
function transportError(destination: string, error: Error & { code?: string; level?: string }): BerthError {
  const code = error.code ? ` (${error.code})` : '';
  const fix =
    error.code === 'ECONNREFUSED'
      ? `Nothing listens for ssh on ${destination.split('@').pop()}: check that sshd runs there and the port is right.`
      : error.level === 'client-timeout' || /timed out/i.test(error.message)
        ? `The host did not finish the ssh handshake in time: check the network path, or raise ConnectTimeout for it in ~/.ssh/config.`
        : `Check that \`ssh ${destination}\` works from this machine without a prompt.`;
  return new BerthError('E_ENGINE_UNREACHABLE', `ssh to ${destination} failed: ${error.message}${code}`, {
    fix,
    cause: error,
    details: { code: error.code },
  });
}
