import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveEndpoint, type ResolveEndpointOptions } from '../../../src/main/services/docker/resolve-endpoint';
import { EndpointSchema } from '@shared/schemas/engine';
import { BerthError } from '@shared/errors';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'berth-resolve-'));
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function writeFile(path: string, content: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function writeCerts(dir: string, files: string[] = ['ca.pem', 'cert.pem', 'key.pem']): void {
  for (const file of files) writeFile(join(dir, file), `${file} content`);
}

const sha = (name: string) => createHash('sha256').update(name).digest('hex');
const contextMetaPath = (configDir: string, name: string) =>
  join(configDir, 'contexts', 'meta', sha(name), 'meta.json');
const contextTlsDir = (configDir: string, name: string) => join(configDir, 'contexts', 'tls', sha(name), 'docker');

function writeContext(configDir: string, name: string, docker: Record<string, unknown>): string {
  return writeFile(
    contextMetaPath(configDir, name),
    JSON.stringify({ Name: name, Metadata: { Description: 'test' }, Endpoints: { docker } }),
  );
}

/** Resolution with only the sockets in `existing` present: nothing on this machine leaks into the result. */
function resolve(
  env: NodeJS.ProcessEnv,
  existing: string[] = ['/var/run/docker.sock'],
  extra: Partial<ResolveEndpointOptions> = {},
) {
  const resolved = resolveEndpoint({
    env,
    homeDir: home,
    fileExists: (path) => existing.includes(path),
    platform: 'linux',
    uid: 1000,
    ...extra,
  });
  EndpointSchema.parse(resolved.endpoint);
  return resolved;
}

function resolveError(env: NodeJS.ProcessEnv): BerthError {
  try {
    resolve(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).code).toBe('E_ENGINE_UNREACHABLE');
    expect((error as BerthError).fix).toMatch(/\S/);
    return error as BerthError;
  }
  throw new Error('expected resolveEndpoint to throw');
}

describe('resolveEndpoint: DOCKER_HOST', () => {
  it('uses a unix socket', () => {
    expect(resolve({ DOCKER_HOST: 'unix:///tmp/engine.sock' })).toEqual({
      endpoint: { kind: 'unix', address: 'unix:///tmp/engine.sock', source: 'DOCKER_HOST', tls: false, local: true },
      target: { transport: 'unix', socketPath: '/tmp/engine.sock' },
    });
  });

  it('falls back to the default socket for a bare unix://', () => {
    expect(resolve({ DOCKER_HOST: 'unix://' }).target).toEqual({
      transport: 'unix',
      socketPath: '/var/run/docker.sock',
    });
  });

  it('uses a named pipe', () => {
    expect(resolve({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' })).toMatchObject({
      endpoint: { kind: 'npipe', address: 'npipe:////./pipe/docker_engine', local: true },
      target: { transport: 'npipe', socketPath: '//./pipe/docker_engine' },
    });
  });

  it('uses plain tcp on port 2375 by default, remote unless loopback', () => {
    expect(resolve({ DOCKER_HOST: 'tcp://10.0.0.2' })).toEqual({
      endpoint: { kind: 'tcp', address: 'tcp://10.0.0.2:2375', source: 'DOCKER_HOST', tls: false, local: false },
      target: { transport: 'tcp', host: '10.0.0.2', port: 2375, tls: null },
    });
    expect(resolve({ DOCKER_HOST: 'tcp://localhost:12375' }).endpoint).toMatchObject({ local: true });
    expect(resolve({ DOCKER_HOST: 'tcp://[::1]:2375' }).target).toMatchObject({ host: '::1', port: 2375 });
  });

  it('reads a bare host:port as tcp', () => {
    expect(resolve({ DOCKER_HOST: 'engine.lan:4243' }).endpoint).toMatchObject({
      kind: 'tcp',
      address: 'tcp://engine.lan:4243',
    });
  });

  it('verifies TLS with the certs in DOCKER_CERT_PATH and defaults to port 2376', () => {
    const certDir = join(home, 'certs');
    writeCerts(certDir);
    const resolved = resolve({ DOCKER_HOST: 'tcp://engine.lan', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir });
    expect(resolved.endpoint).toMatchObject({ address: 'tcp://engine.lan:2376', tls: true });
    expect(resolved.target).toMatchObject({ transport: 'tcp', port: 2376, tls: { verify: true } });
    const tls = (resolved.target as { tls: { ca: Buffer; cert: Buffer; key: Buffer } }).tls;
    expect([tls.ca.toString(), tls.cert.toString(), tls.key.toString()]).toEqual([
      'ca.pem content',
      'cert.pem content',
      'key.pem content',
    ]);
  });

  it('takes TLS files from ~/.docker, or DOCKER_CONFIG, when DOCKER_CERT_PATH is unset', () => {
    writeCerts(join(home, '.docker'));
    expect(resolve({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }).target).toMatchObject({
      tls: { verify: true, ca: expect.any(Buffer) },
    });
    const configDir = join(home, 'elsewhere');
    writeCerts(configDir, ['ca.pem']);
    const target = resolve({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: configDir }).target;
    expect(target).toMatchObject({ tls: { verify: true, ca: expect.any(Buffer) } });
    expect(target).not.toHaveProperty('tls.cert');
  });

  it('names the missing CA file when TLS verification is on', () => {
    const error = resolveError({
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: join(home, 'none'),
    });
    expect(error.message).toContain(join(home, 'none', 'ca.pem'));
  });

  it('names the missing half of a client certificate', () => {
    writeCerts(join(home, 'half'), ['ca.pem', 'cert.pem']);
    const error = resolveError({
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: join(home, 'half'),
    });
    expect(error.message).toContain(join(home, 'half', 'key.pem'));
  });

  it('encrypts without verifying with DOCKER_TLS alone', () => {
    expect(resolve({ DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1' })).toMatchObject({
      endpoint: { tls: true, address: 'tcp://h:2376' },
      target: { tls: { verify: false } },
    });
  });

  it('ignores TLS settings for unix sockets', () => {
    expect(resolve({ DOCKER_HOST: 'unix:///tmp/e.sock', DOCKER_TLS_VERIFY: '1' }).endpoint.tls).toBe(false);
  });

  it('uses ssh with the user, the port, the ssh agent and the home whose ~/.ssh to read', () => {
    expect(resolve({ DOCKER_HOST: 'ssh://ada@gpu-box:2222', SSH_AUTH_SOCK: '/tmp/agent.sock' })).toEqual({
      endpoint: { kind: 'ssh', address: 'ssh://ada@gpu-box:2222', source: 'DOCKER_HOST', tls: false, local: false },
      target: {
        transport: 'ssh',
        host: 'gpu-box',
        port: 2222,
        username: 'ada',
        agent: '/tmp/agent.sock',
        homeDir: home,
      },
    });
    // No port or user in the address: ~/.ssh/config (then OpenSSH's defaults) decides, as with `ssh gpu-box`.
    expect(resolve({ DOCKER_HOST: 'ssh://gpu-box' }).target).toEqual({
      transport: 'ssh',
      host: 'gpu-box',
      homeDir: home,
    });
  });

  it("takes an ssh address's path as the engine socket on the host", () => {
    expect(resolve({ DOCKER_HOST: 'ssh://ada@gpu-box/run/podman/podman.sock' })).toMatchObject({
      endpoint: { address: 'ssh://ada@gpu-box/run/podman/podman.sock' },
      target: { transport: 'ssh', host: 'gpu-box', username: 'ada', remoteSocket: '/run/podman/podman.sock' },
    });
  });

  it('rejects schemes docker clients do not support', () => {
    expect(resolveError({ DOCKER_HOST: 'http://h:2375' }).message).toContain('DOCKER_HOST "http://h:2375" is invalid');
    expect(resolveError({ DOCKER_HOST: 'ssh://' }).message).toContain('DOCKER_HOST');
  });

  it('wins over DOCKER_CONTEXT and the current context', () => {
    writeFile(join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    expect(resolve({ DOCKER_HOST: 'unix:///tmp/e.sock', DOCKER_CONTEXT: 'missing' }).endpoint.source).toBe(
      'DOCKER_HOST',
    );
  });
});

describe('resolveEndpoint: contexts', () => {
  const configDir = () => join(home, '.docker');

  it('follows DOCKER_CONTEXT to its meta.json under the sha256 of its name', () => {
    writeContext(configDir(), 'colima', { Host: `unix://${home}/.colima/default/docker.sock`, SkipTLSVerify: false });
    expect(resolve({ DOCKER_CONTEXT: 'colima' })).toEqual({
      endpoint: {
        kind: 'unix',
        address: `unix://${home}/.colima/default/docker.sock`,
        source: 'DOCKER_CONTEXT',
        context: 'colima',
        tls: false,
        local: true,
      },
      target: { transport: 'unix', socketPath: `${home}/.colima/default/docker.sock` },
    });
  });

  it("follows config.json's currentContext", () => {
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ auths: {}, currentContext: 'remote' }));
    writeContext(configDir(), 'remote', { Host: 'ssh://ada@gpu-box' });
    expect(resolve({}).endpoint).toMatchObject({ source: 'context', context: 'remote', address: 'ssh://ada@gpu-box' });
  });

  it('reads config.json and contexts from DOCKER_CONFIG', () => {
    const elsewhere = join(home, 'cfg');
    writeFile(join(elsewhere, 'config.json'), JSON.stringify({ currentContext: 'tcp' }));
    writeContext(elsewhere, 'tcp', { Host: 'tcp://10.1.1.1:2375' });
    expect(resolve({ DOCKER_CONFIG: elsewhere }).endpoint).toMatchObject({
      context: 'tcp',
      address: 'tcp://10.1.1.1:2375',
    });
  });

  it('uses the context TLS files, verifying unless SkipTLSVerify', () => {
    writeContext(configDir(), 'secure', { Host: 'tcp://engine.lan' });
    writeCerts(contextTlsDir(configDir(), 'secure'));
    expect(resolve({ DOCKER_CONTEXT: 'secure' })).toMatchObject({
      endpoint: { tls: true, address: 'tcp://engine.lan:2376' },
      target: { tls: { verify: true, ca: expect.any(Buffer), cert: expect.any(Buffer), key: expect.any(Buffer) } },
    });
    writeContext(configDir(), 'lax', { Host: 'tcp://engine.lan:2376', SkipTLSVerify: true });
    expect(resolve({ DOCKER_CONTEXT: 'lax' })).toMatchObject({
      endpoint: { tls: true },
      target: { tls: { verify: false } },
    });
    writeContext(configDir(), 'plain', { Host: 'tcp://engine.lan:2375' });
    expect(resolve({ DOCKER_CONTEXT: 'plain' })).toMatchObject({ endpoint: { tls: false }, target: { tls: null } });
  });

  it('treats "default" as the default socket, and DOCKER_CONTEXT=default beats currentContext', () => {
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ currentContext: 'missing' }));
    expect(resolve({ DOCKER_CONTEXT: 'default' }).endpoint).toMatchObject({ source: 'default' });
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ currentContext: 'default' }));
    expect(resolve({}).endpoint).toMatchObject({ source: 'default', address: 'unix:///var/run/docker.sock' });
  });

  it('names the missing meta.json and what selected the context', () => {
    const error = resolveError({ DOCKER_CONTEXT: 'gone' });
    expect(error.message).toContain(contextMetaPath(configDir(), 'gone'));
    expect(error.message).toContain('DOCKER_CONTEXT');
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ currentContext: 'gone' }));
    expect(resolveError({}).message).toContain(join(configDir(), 'config.json'));
  });

  it('names a meta.json that is not JSON or has no docker host', () => {
    writeFile(contextMetaPath(configDir(), 'broken'), '{ not json');
    expect(resolveError({ DOCKER_CONTEXT: 'broken' }).message).toContain(contextMetaPath(configDir(), 'broken'));
    writeContext(configDir(), 'hostless', { SkipTLSVerify: true });
    const error = resolveError({ DOCKER_CONTEXT: 'hostless' });
    expect(error.message).toContain(contextMetaPath(configDir(), 'hostless'));
    expect(error.message).toContain('Endpoints.docker.Host');
  });

  it('names an invalid host inside meta.json', () => {
    writeContext(configDir(), 'odd', { Host: 'gopher://x' });
    expect(resolveError({ DOCKER_CONTEXT: 'odd' }).message).toContain(contextMetaPath(configDir(), 'odd'));
  });

  it('names a broken config.json', () => {
    writeFile(join(configDir(), 'config.json'), '{"currentContext": ');
    expect(resolveError({}).message).toContain(join(configDir(), 'config.json'));
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ currentContext: 42 }));
    expect(resolveError({}).message).toContain('currentContext');
    writeFile(join(configDir(), 'config.json'), '[]');
    expect(resolveError({}).message).toContain(join(configDir(), 'config.json'));
  });

  it('ignores a config.json without currentContext', () => {
    writeFile(join(configDir(), 'config.json'), JSON.stringify({ auths: {} }));
    expect(resolve({}).endpoint.source).toBe('default');
  });
});

describe('resolveEndpoint: the default socket and per-user engines', () => {
  it('uses /var/run/docker.sock when it exists', () => {
    expect(resolve({}, ['/var/run/docker.sock', `${home}/.docker/run/docker.sock`])).toEqual({
      endpoint: { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default', tls: false, local: true },
      target: { transport: 'unix', socketPath: '/var/run/docker.sock' },
    });
  });

  it.each([
    ['Docker Desktop (macOS)', '{home}/.docker/run/docker.sock', 'docker-desktop'],
    ['Docker Desktop (Linux)', '{home}/.docker/desktop/docker.sock', 'docker-desktop'],
    ['Colima', '{home}/.colima/default/docker.sock', 'colima'],
    ['rootless Podman via XDG_RUNTIME_DIR', '/run/xdg/podman/podman.sock', 'podman'],
    ['rootless Podman via /run/user/<uid>', '/run/user/1000/podman/podman.sock', 'podman'],
    ['rootful Podman', '/run/podman/podman.sock', 'podman'],
  ])('finds %s when the default socket is absent', (_label, template, source) => {
    const socket = template.replace('{home}', home);
    expect(resolve({ XDG_RUNTIME_DIR: '/run/xdg' }, [socket])).toEqual({
      endpoint: { kind: 'unix', address: `unix://${socket}`, source, tls: false, local: true },
      target: { transport: 'unix', socketPath: socket },
    });
  });

  it('prefers Docker Desktop over Colima over Podman', () => {
    const sockets = [
      '/run/podman/podman.sock',
      `${home}/.colima/default/docker.sock`,
      `${home}/.docker/run/docker.sock`,
    ];
    expect(resolve({}, sockets).endpoint.source).toBe('docker-desktop');
    expect(resolve({}, sockets.slice(0, 2)).endpoint.source).toBe('colima');
  });

  it("honors COLIMA_HOME for Colima's socket", () => {
    expect(resolve({ COLIMA_HOME: '/opt/colima' }, ['/opt/colima/default/docker.sock']).endpoint.source).toBe('colima');
  });

  it('keeps the default socket, and its ENOENT, when no engine socket exists', () => {
    expect(resolve({}, []).endpoint).toMatchObject({ source: 'default', address: 'unix:///var/run/docker.sock' });
  });

  it("uses Docker's named pipe on Windows", () => {
    expect(resolve({}, [], { platform: 'win32' })).toEqual({
      endpoint: {
        kind: 'npipe',
        address: 'npipe:////./pipe/docker_engine',
        source: 'default',
        tls: false,
        local: true,
      },
      target: { transport: 'npipe', socketPath: '//./pipe/docker_engine' },
    });
  });
});
