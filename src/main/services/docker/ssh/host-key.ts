import { createHash } from 'node:crypto';

/** The algorithm name inside an ssh public key blob (its first string), e.g. `ssh-ed25519`. */
export function hostKeyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** The fingerprint as OpenSSH prints it: `SHA256:` and unpadded base64 of the key blob's sha256. */
export function hostKeyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key as a known_hosts line holds it: `ssh-ed25519 AAAA…`. */
export function hostKeyText(blob: Buffer): string {
  return `${hostKeyType(blob)} ${blob.toString('base64')}`;
}

/** The name OpenSSH records a host under: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** A host key as errors and the add-engine dialog show it. */
export interface HostKeyIdentity {
  /** e.g. `[gpu-box]:2222` */
  host: string;
  keyType: string;
  fingerprint: string;
  /** base64 of the key blob, for `acceptHostKey`. */
  key: string;
}

export function hostKeyIdentity(host: string, port: number, blob: Buffer): HostKeyIdentity {
  return {
    host: knownHostsName(host, port),
    keyType: hostKeyType(blob),
    fingerprint: hostKeyFingerprint(blob),
    key: blob.toString('base64'),
  };
}
