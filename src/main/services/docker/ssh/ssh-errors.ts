import { BerthError } from '@shared/errors';
import type { OfferedIdentity } from './ssh-auth';
import type { HostKeyIdentity } from './host-key';

/**
 * Why an ssh engine refused or failed, in `BerthError.details.remote` so a dialog can act on it
 * (show the fingerprint and offer to trust it, list the identities offered…).
 */
export type RemoteFailure =
  | { kind: 'host-key-unknown'; hostKey: HostKeyIdentity; otherTypes: string[]; knownHostsFile: string }
  | { kind: 'host-key-changed'; hostKey: HostKeyIdentity; file: string; line: number }
  | { kind: 'host-key-revoked'; hostKey: HostKeyIdentity; file: string; line: number }
  | { kind: 'ssh-auth'; user: string; offered: OfferedIdentity[]; notes: string[] }
  | { kind: 'docker-missing'; stderr: string }
  | { kind: 'socket-denied'; stderr: string }
  | { kind: 'engine-down'; stderr: string }
  | { kind: 'dial-stdio-failed'; stderr: string; exitCode: number | null }
  | { kind: 'tls-ca-mismatch'; detail: string }
  | { kind: 'tls-clock-skew'; detail: string };

export function remoteError(message: string, fix: string, failure: RemoteFailure, cause?: unknown): BerthError {
  return new BerthError('E_ENGINE_UNREACHABLE', message, { fix, details: { remote: failure }, cause });
}

/** The RemoteFailure an error carries, if it is one of these. */
export function remoteFailureOf(error: unknown): RemoteFailure | undefined {
  if (!(error instanceof BerthError)) return undefined;
  const details = error.details as { remote?: RemoteFailure } | undefined;
  return details?.remote;
}

export function unknownHostKeyError(
  /** How the user would reach the host: `ssh -p 2222 ada@gpu-box`. */
  sshCommand: string,
  hostKey: HostKeyIdentity,
  otherTypes: string[],
  knownHostsFile: string,
): BerthError {
  const also = otherTypes.length > 0 ? ` (known_hosts holds only a ${otherTypes.join(', ')} key for it)` : '';
  return remoteError(
    `The authenticity of host ${hostKey.host} can't be established${also}. ` +
      `${hostKey.keyType} key fingerprint is ${hostKey.fingerprint}.`,
    `Compare the fingerprint with the one the host's owner sees (\`ssh-keygen -lf /etc/ssh/ssh_host_${shortType(hostKey.keyType)}_key.pub\` there); ` +
      `if it matches, trust it in Berth's Add engine dialog, with \`berth engines add --accept-host-key ${hostKey.fingerprint} …\`, ` +
      `or by connecting once with \`${sshCommand}\`.`,
    { kind: 'host-key-unknown', hostKey, otherTypes, knownHostsFile },
  );
}

export function changedHostKeyError(hostKey: HostKeyIdentity, file: string, line: number): BerthError {
  return remoteError(
    `REMOTE HOST IDENTIFICATION HAS CHANGED for ${hostKey.host}: it now presents the ${hostKey.keyType} key ` +
      `${hostKey.fingerprint}, not the one recorded in ${file}:${line}. Someone could be intercepting the connection; Berth refuses it.`,
    `If the host was really reinstalled or its key rotated, confirm the new fingerprint with its owner, then remove the old ` +
      `entry: \`ssh-keygen -R '${hostKey.host}' -f ${file}\`.`,
    { kind: 'host-key-changed', hostKey, file, line },
  );
}

export function revokedHostKeyError(hostKey: HostKeyIdentity, file: string, line: number): BerthError {
  return remoteError(
    `The ${hostKey.keyType} host key of ${hostKey.host} (${hostKey.fingerprint}) is marked @revoked in ${file}:${line}.`,
    "Ask the host's owner for its current key; Berth will not use a revoked one.",
    { kind: 'host-key-revoked', hostKey, file, line },
  );
}

export function authenticationError(
  destination: string,
  user: string,
  offered: OfferedIdentity[],
  notes: string[],
  cause: unknown,
): BerthError {
  const list =
    offered.length === 0
      ? 'no identity at all'
      : offered
          .map(
            (identity) => `${identity.fingerprint} (${identity.source}${identity.label ? `: ${identity.label}` : ''})`,
          )
          .join(', ');
  const why = notes.length > 0 ? ` Also: ${notes.join('; ')}.` : '';
  return remoteError(
    `ssh to ${destination} refused every identity Berth offered for user "${user}": ${list}.${why}`,
    offered.length === 0
      ? `Load your key into ssh-agent (\`ssh-add ~/.ssh/id_ed25519\`) and check that SSH_AUTH_SOCK is set where Berth runs, or set IdentityFile for the host in ~/.ssh/config.`
      : `Add one of these public keys to ~${user}/.ssh/authorized_keys on the host (\`ssh-copy-id ${destination}\`), or load the right key into ssh-agent (\`ssh-add\`); check the user name too.`,
    { kind: 'ssh-auth', user, offered, notes },
    cause,
  );
}

/** What `docker system dial-stdio` said when it failed on the host, turned into the one thing to fix. */
export function dialStdioError(
  destination: string,
  sshCommand: string,
  stderr: string,
  exitCode: number | null,
): BerthError {
  const said = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 400);
  if (exitCode === 127 || /docker: (command )?not found|No such file or directory.*docker/i.test(stderr)) {
    return remoteError(
      `\`docker\` is not on the PATH of non-interactive ssh sessions on ${destination}${said ? ` (${said})` : ''}.`,
      `Install the Docker CLI on the host, or make it reachable without a login shell, e.g. \`sudo ln -s "$(command -v docker)" /usr/local/bin/docker\` there (~/.profile is not read for \`ssh host command\`).`,
      { kind: 'docker-missing', stderr: said },
    );
  }
  if (/permission denied/i.test(stderr) && /docker.*sock|socket/i.test(stderr)) {
    return remoteError(
      `The ssh user on ${destination} may not open the Docker socket: ${said}`,
      `On the host, add the user to the docker group: \`sudo usermod -aG docker <user>\`, then reconnect (group membership applies to new sessions).`,
      { kind: 'socket-denied', stderr: said },
    );
  }
  if (/cannot connect to the docker daemon|is the docker daemon running/i.test(stderr)) {
    return remoteError(
      `ssh to ${destination} works, but no Docker engine answers there: ${said}`,
      'Start the engine on the host: `sudo systemctl start docker`.',
      { kind: 'engine-down', stderr: said },
    );
  }
  if (/dial-stdio/i.test(stderr) && /unknown|not a docker command/i.test(stderr)) {
    return remoteError(
      `The Docker CLI on ${destination} is too old for ssh engines (no \`docker system dial-stdio\`): ${said}`,
      'Upgrade Docker on the host to 18.09 or newer.',
      { kind: 'dial-stdio-failed', stderr: said, exitCode },
    );
  }
  return remoteError(
    `\`docker system dial-stdio\` failed on ${destination} (exit ${exitCode ?? 'unknown'})${said ? `: ${said}` : ''}.`,
    `Run \`${sshCommand} docker version\` to see what goes wrong there.`,
    { kind: 'dial-stdio-failed', stderr: said, exitCode },
  );
}

function shortType(keyType: string): string {
  if (keyType.includes('ed25519')) return 'ed25519';
  if (keyType.includes('ecdsa')) return 'ecdsa';
  return 'rsa';
}
