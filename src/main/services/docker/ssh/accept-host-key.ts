import { userInfo } from 'node:os';
import { BerthError } from '@shared/errors';
import { hostKeyFingerprint, knownHostsName, type HostKeyIdentity } from './host-key';
import { appendKnownHost, checkHostKey, readKnownHosts } from './known-hosts';
import { resolveSshHost, type SshConfigSources, type SshHostQuery } from './ssh-host-config';

/**
 * Records a host key the user confirmed (the add-engine flow, after an unknown-host refusal showed its
 * fingerprint) in their first UserKnownHostsFile, hashed when HashKnownHosts says so — what answering "yes" to
 * OpenSSH's prompt does. Refuses a key that clashes with a recorded one: a changed key is never accepted this way.
 * Returns the file written (or that already held the key).
 */
export async function acceptHostKey(
  destination: SshHostQuery,
  hostKey: Pick<HostKeyIdentity, 'key' | 'fingerprint'>,
  sources: Partial<SshConfigSources> & { homeDir: string },
): Promise<string> {
  const key = Buffer.from(hostKey.key, 'base64');
  if (hostKeyFingerprint(key) !== hostKey.fingerprint) {
    throw new BerthError('E_INVALID_INPUT', `The host key does not match the fingerprint ${hostKey.fingerprint}.`);
  }
  const settings = await resolveSshHost(destination, { localUser: userInfo().username, ...sources });
  const name = knownHostsName(settings.hostKeyAlias ?? settings.hostname, settings.port);
  const file = settings.userKnownHostsFiles[0]!;
  const verdict = checkHostKey(
    await readKnownHosts([...settings.userKnownHostsFiles, ...settings.globalKnownHostsFiles]),
    name,
    key,
  );
  if (verdict.status === 'known') return verdict.file;
  if (verdict.status !== 'unknown') {
    throw new BerthError(
      'E_INVALID_INPUT',
      `${name} already has a different ${verdict.status === 'revoked' ? 'revoked' : ''} key recorded in ${verdict.file}:${verdict.line}; Berth will not replace it.`,
      {
        fix: `If the host's key really changed, remove the old entry first: \`ssh-keygen -R '${name}' -f ${verdict.file}\`.`,
      },
    );
  }
  await appendKnownHost(file, name, key, settings.hashKnownHosts);
  return file;
}
