import type { PeerCertificate } from 'node:tls';
import type { BerthError } from '@shared/errors';
import { remoteError } from './ssh/ssh-errors';

const CA_MISMATCH = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** Why the engine's certificate was not accepted, in words, with the fix; `now` is injectable for tests. */
export function tlsVerificationError(
  address: string,
  authorizationError: Error | string | null | undefined,
  certificate: PeerCertificate | Record<string, never> | undefined,
  now: Date = new Date(),
): BerthError {
  const code =
    typeof authorizationError === 'string'
      ? authorizationError
      : ((authorizationError as { code?: string } | null | undefined)?.code ??
        authorizationError?.message ??
        'unknown');
  const cert = certificate && 'valid_from' in certificate ? certificate : undefined;
  const subject = cert?.subject?.CN ? `"${cert.subject.CN}"` : 'the engine';
  const issuer = cert?.issuer?.CN ? `"${cert.issuer.CN}"` : 'an unknown issuer';
  const validFrom = cert?.valid_from ? new Date(cert.valid_from) : undefined;
  const validTo = cert?.valid_to ? new Date(cert.valid_to) : undefined;
  const clock = `this machine's clock says ${now.toISOString()}`;

  if (code === 'CERT_NOT_YET_VALID' && validFrom) {
    const ahead = describeGap(validFrom.getTime() - now.getTime());
    return remoteError(
      `Clock skew: the certificate of ${address} is valid only from ${validFrom.toISOString()}, ${ahead} from now (${clock}).`,
      "One of the two clocks is wrong: sync this machine's clock (`timedatectl set-ntp true`) or the engine host's, then retry.",
      { kind: 'tls-clock-skew', detail: `not valid before ${validFrom.toISOString()}` },
    );
  }
  if (code === 'CERT_HAS_EXPIRED' && validTo) {
    return remoteError(
      `The certificate of ${address} expired on ${validTo.toISOString()} (${clock}).`,
      "Renew the engine's certificate; if it is not that old, this machine's clock is ahead: sync it (`timedatectl set-ntp true`).",
      { kind: 'tls-clock-skew', detail: `expired ${validTo.toISOString()}` },
    );
  }
  if (CA_MISMATCH.has(code)) {
    return remoteError(
      `The certificate of ${address} (${subject}, issued by ${issuer}) is not signed by the CA Berth was given (${code}).`,
      "Use the ca.pem of the CA that signed the engine's certificate (DOCKER_CERT_PATH, the context's TLS files, or the engine's CA setting in Berth).",
      { kind: 'tls-ca-mismatch', detail: code },
    );
  }
  if (/ALTNAME|hostname|host name/i.test(code)) {
    return remoteError(
      `The certificate of ${address} does not name that host (${code}${cert?.subjectaltname ? `; it names ${cert.subjectaltname}` : ''}).`,
      'Connect with a host name the certificate lists, or reissue it with this name in subjectAltName.',
      { kind: 'tls-ca-mismatch', detail: code },
    );
  }
  return remoteError(
    `TLS verification of ${address} failed: ${code}.`,
    'Check the CA, the client certificate and the engine host name.',
    {
      kind: 'tls-ca-mismatch',
      detail: code,
    },
  );
}

function describeGap(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
