import { describe, expect, it } from 'vitest';
import { diagnoseUnreachable } from '../../../src/main/services/docker/diagnose-unreachable';
import { BerthError } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';

const endpoint = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  kind: 'unix',
  address: 'unix:///var/run/docker.sock',
  source: 'default',
  tls: false,
  local: true,
  ...overrides,
});

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('diagnoseUnreachable', () => {
  it('keeps the transport message as the reason and says how to start Docker on Linux', () => {
    const diagnosis = diagnoseUnreachable(
      systemError('ENOENT', 'connect ENOENT /var/run/docker.sock'),
      endpoint(),
      'linux',
    );
    expect(diagnosis.reason).toBe('connect ENOENT /var/run/docker.sock');
    expect(diagnosis.fix).toContain('sudo systemctl start docker');
    expect(diagnosis.fix).toContain('dockerd');
  });

  it('names the macOS engines on macOS and Docker Desktop on Windows', () => {
    const refused = systemError('ECONNREFUSED', 'connect ECONNREFUSED /var/run/docker.sock');
    expect(diagnoseUnreachable(refused, endpoint(), 'darwin').fix).toMatch(
      /open -a Docker.*colima start.*podman machine start/,
    );
    expect(diagnoseUnreachable(refused, endpoint(), 'win32').fix).toContain('Docker Desktop');
  });

  it.each([
    ['docker-desktop', 'linux', 'systemctl --user start docker-desktop'],
    ['docker-desktop', 'darwin', 'open -a Docker'],
    ['colima', 'darwin', 'colima start'],
    ['podman', 'linux', 'systemctl --user start podman.socket'],
    ['podman', 'darwin', 'podman machine start'],
  ] as const)('tells how to start %s on %s', (source, platform, expected) => {
    const diagnosis = diagnoseUnreachable(
      systemError('ECONNREFUSED', 'connect ECONNREFUSED /x.sock'),
      endpoint({ source }),
      platform,
    );
    expect(diagnosis.fix).toContain(expected);
  });

  it('points at DOCKER_HOST and contexts when they chose the engine', () => {
    const refused = systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.2:2375');
    const remote = endpoint({ kind: 'tcp', address: 'tcp://10.0.0.2:2375', source: 'DOCKER_HOST', local: false });
    expect(diagnoseUnreachable(refused, remote, 'linux').fix).toMatch(/tcp:\/\/10\.0\.0\.2:2375.*unset DOCKER_HOST/);
    const context = endpoint({ source: 'context', context: 'work', address: 'unix:///w.sock' });
    expect(diagnoseUnreachable(refused, context, 'linux').fix).toMatch(/"work".*docker context use default/);
  });

  it('explains permission denied with the docker group', () => {
    const diagnosis = diagnoseUnreachable(
      systemError('EACCES', 'connect EACCES /var/run/docker.sock'),
      endpoint(),
      'linux',
    );
    expect(diagnosis.reason).toBe('connect EACCES /var/run/docker.sock (permission denied)');
    expect(diagnosis.fix).toContain('usermod -aG docker');
  });

  it('explains timeouts, DNS, TLS, HTTP and ssh failures', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(diagnoseUnreachable(timeout, endpoint(), 'linux').reason).toBe(
      'unix:///var/run/docker.sock did not answer in time',
    );

    const tcp = endpoint({
      kind: 'tcp',
      address: 'tcp://nope.lan:2376',
      source: 'DOCKER_HOST',
      local: false,
      tls: true,
    });
    expect(diagnoseUnreachable(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND nope.lan'), tcp, 'linux').fix).toContain(
      'network',
    );
    const tls = diagnoseUnreachable(systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify'), tcp, 'linux');
    expect(tls.reason).toContain('TLS');
    expect(tls.fix).toContain('DOCKER_CERT_PATH');

    const http = Object.assign(new Error('(HTTP code 500) server error - boom '), { statusCode: 500 });
    expect(diagnoseUnreachable(http, endpoint(), 'linux').reason).toBe(
      'unix:///var/run/docker.sock answered with an error: (HTTP code 500) server error - boom',
    );

    const ssh = endpoint({ kind: 'ssh', address: 'ssh://ada@box', source: 'DOCKER_HOST', local: false });
    expect(diagnoseUnreachable(new Error('All configured authentication methods failed'), ssh, 'linux').fix).toContain(
      'SSH_AUTH_SOCK',
    );
  });

  it('passes a BerthError through, and handles values that are not errors', () => {
    const broken = new BerthError('E_ENGINE_UNREACHABLE', 'Docker context "x" is broken', { fix: 'fix the context' });
    expect(diagnoseUnreachable(broken, null, 'linux')).toEqual({
      reason: 'Docker context "x" is broken',
      fix: 'fix the context',
    });
    expect(diagnoseUnreachable('weird', null, 'linux')).toMatchObject({ reason: 'weird' });
  });
});
