import { describe, expect, it } from 'vitest';
import { explainEngineError, rawEngineMessage } from '../../../src/main/services/diagnostics/engine-error-text';

// Messages recorded from dockerd 20.10 on this machine (and the registry error as Berth's pull wraps it).
const USERLAND_PROXY =
  'driver failed programming external connectivity on endpoint ux-fail-port-clash-1 (cddf4dc6cc83d8c36398eeaf4df799d3e9b5bc1bd97655c1cddc042e89d2c7de): Error starting userland proxy: listen tcp4 127.0.0.1:18765: bind: address already in use';
const ALLOCATED =
  'driver failed programming external connectivity on endpoint h5x-port2 (99d68268e836733160a0df6e3d2bfb7e8cb925df29ed175e2a234f2b4e1aef4e): Bind for 0.0.0.0:8080 failed: port is already allocated';
const OFFLINE =
  'cannot pull ghcr.io/myorg/feature-store:1.4.2: the registry ghcr.io is unreachable ((HTTP code 500) server error - Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io on 10.255.255.53:53: no such host )';

describe('explainEngineError', () => {
  it('names the address and port of a port clash, and the container that holds it', () => {
    const text = explainEngineError(USERLAND_PROXY, { service: 'port-clash', composeFile: '/p/compose.yaml' });
    expect(text).toMatchObject({ kind: 'port-in-use', port: { hostIp: '127.0.0.1', port: 18765, protocol: 'tcp' } });
    expect(text.message).toBe('Port 18765 on 127.0.0.1 is already in use by another program.');
    expect(text.fix).toBe(
      'Change the host port in /p/compose.yaml (`ports:` of port-clash), or stop the program that listens on it.',
    );
    expect(text.details).toBe(USERLAND_PROXY);
    const held = explainEngineError(ALLOCATED, { portHolder: 'other-web-1' });
    expect(held.message).toBe('Port 8080 on all addresses is already in use by container other-web-1.');
  });

  it("says a registry can't be reached and why, offline or behind a proxy", () => {
    const text = explainEngineError(OFFLINE);
    expect(text).toMatchObject({ kind: 'registry-unreachable', registry: 'ghcr.io' });
    expect(text.message).toBe("Can't reach ghcr.io (DNS lookup failed) — offline or behind a proxy?");
    expect(explainEngineError('Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout').message).toBe(
      "Can't reach Docker Hub (registry-1.docker.io) (timed out) — offline or behind a proxy?",
    );
    expect(
      explainEngineError('Get "https://r.example/v2/": x509: certificate signed by unknown authority').fix,
    ).toContain('/etc/docker/certs.d/r.example/ca.crt');
  });

  it('explains a missing image, a missing tag and a refused pull', () => {
    expect(explainEngineError('No such image: ghcr.io/myorg/feature-store:1.4.2')).toMatchObject({
      kind: 'image-missing',
      image: 'ghcr.io/myorg/feature-store:1.4.2',
    });
    expect(explainEngineError('manifest for busybox:nope not found: manifest unknown: manifest unknown').kind).toBe(
      'tag-missing',
    );
    expect(
      explainEngineError(
        "pull access denied for myorg/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      ),
    ).toMatchObject({ kind: 'pull-denied', image: 'myorg/private' });
  });

  it('explains bad mounts, a missing command, a name conflict, a full disk and a missing GPU', () => {
    expect(
      explainEngineError('invalid mount config for type "bind": bind source path does not exist: /nonexistent/h5', {
        service: 'trainer',
      }),
    ).toMatchObject({ kind: 'mount-source-missing', path: '/nonexistent/h5' });
    expect(
      explainEngineError(
        'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown',
      ),
    ).toMatchObject({ kind: 'command-not-found', command: 'nosuchcmd' });
    const conflict = explainEngineError(
      'Conflict. The container name "/h5x-holder" is already in use by container "345eaa93dfe66b06fdaa829c58a439e8e49c84cec96212c59d31d15abd51d69e". You have to remove (or rename) that container to be able to reuse that name.',
    );
    expect(conflict.message).toBe('A container named h5x-holder already exists (345eaa93dfe6).');
    expect(explainEngineError('write /var/lib/docker/tmp/x: no space left on device').kind).toBe('disk-full');
    expect(explainEngineError('could not select device driver "" with capabilities: [[gpu]]').kind).toBe(
      'gpu-unavailable',
    );
  });

  it('keeps unknown errors, with long engine ids shortened, and reads the API message of an error', () => {
    const text = explainEngineError(`something odd on ${'a'.repeat(64)}`);
    expect(text).toMatchObject({ kind: 'unknown', message: `something odd on ${'a'.repeat(12)}…` });
    const apiError = Object.assign(new Error('(HTTP code 404) no such container'), {
      json: { message: 'No such image: x' },
    });
    expect(rawEngineMessage(apiError)).toBe('No such image: x');
  });
});
