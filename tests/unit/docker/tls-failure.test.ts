import { describe, expect, it } from 'vitest';
import type { PeerCertificate } from 'node:tls';
import { tlsVerificationError } from '../../../src/main/services/docker/tls-failure';
import { remoteFailureOf } from '../../../src/main/services/docker/ssh/ssh-errors';

const now = new Date('2026-12-04T12:00:00Z');
const certificate = (fields: Partial<PeerCertificate>) =>
  ({
    subject: { CN: 'gpu-box' },
    issuer: { CN: 'Lab CA' },
    valid_from: 'Dec  1 00:00:00 2026 GMT',
    valid_to: 'Dec 31 00:00:00 2027 GMT',
    ...fields,
  }) as PeerCertificate;

describe('tlsVerificationError', () => {
  it('names clock skew when the certificate is not valid yet, with both times', () => {
    const error = tlsVerificationError(
      '10.0.0.2:2376',
      'CERT_NOT_YET_VALID',
      certificate({ valid_from: 'Dec  6 12:00:00 2026 GMT' }),
      now,
    );
    expect(error.message).toMatch(/^Clock skew: .*valid only from 2026-12-06T12:00:00.000Z, 2 days from now/);
    expect(error.message).toContain('2026-12-04T12:00:00.000Z');
    expect(remoteFailureOf(error)).toMatchObject({ kind: 'tls-clock-skew' });
  });

  it('says an expired certificate expired, and that a clock ahead does the same', () => {
    const error = tlsVerificationError(
      'h:2376',
      'CERT_HAS_EXPIRED',
      certificate({ valid_to: 'Nov  1 00:00:00 2026 GMT' }),
      now,
    );
    expect(error.message).toContain('expired on 2026-11-01');
    expect(error.fix).toMatch(/clock/);
  });

  it('calls an unknown issuer a CA mismatch, naming the issuer', () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ]) {
      const error = tlsVerificationError('h:2376', code, certificate({}), now);
      expect(error.message).toContain('not signed by the CA Berth was given');
      expect(error.message).toContain('"Lab CA"');
      expect(remoteFailureOf(error)).toEqual({ kind: 'tls-ca-mismatch', detail: code });
    }
  });

  it('explains a host name the certificate does not list', () => {
    const error = tlsVerificationError(
      'h:2376',
      Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      }),
      certificate({ subjectaltname: 'DNS:gpu-box' }),
      now,
    );
    expect(error.message).toContain('does not name that host');
    expect(error.message).toContain('DNS:gpu-box');
  });
});
