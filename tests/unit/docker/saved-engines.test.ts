import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { SavedEnginesStore } from '../../../src/main/services/docker/saved-engines';
import { listKnownEngines } from '../../../src/main/services/remote/known-engines';
import { BerthError } from '@shared/errors';

let home: string;
let stateDir: string;
let store: SavedEnginesStore;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'berth-saved-'));
  stateDir = join(home, 'state', 'berth');
  store = new SavedEnginesStore(stateDir);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
function writeContext(name: string, host: string): void {
  const dir = createHash('sha256').update(name).digest('hex');
  writeFile(
    join(home, '.docker', 'contexts', 'meta', dir, 'meta.json'),
    JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
  );
}
const resolve = (env: NodeJS.ProcessEnv) =>
  resolveEndpoint({
    env,
    homeDir: home,
    stateDir,
    platform: 'linux',
    uid: 1000,
    fileExists: (path) => path === '/var/run/docker.sock',
  });

describe('saved engines in endpoint resolution', () => {
  it('resolves a saved engine by name (DOCKER_CONTEXT, --context) and by `engines use`', async () => {
    await store.save({ name: 'gpu-box', host: 'ssh://ada@10.0.0.2', addedAt: 1 });
    expect(resolve({ DOCKER_CONTEXT: 'gpu-box' })).toMatchObject({
      endpoint: { kind: 'ssh', address: 'ssh://ada@10.0.0.2', source: 'DOCKER_CONTEXT', context: 'gpu-box' },
      target: { transport: 'ssh', host: '10.0.0.2', username: 'ada' },
    });
    expect(resolve({}).endpoint.address).toBe('unix:///var/run/docker.sock');
    await store.use('gpu-box');
    expect(resolve({}).endpoint).toMatchObject({ source: 'context', context: 'gpu-box' });
    // DOCKER_HOST still wins, as it does over the docker CLI's current context.
    expect(resolve({ DOCKER_HOST: 'unix:///x.sock' }).endpoint.address).toBe('unix:///x.sock');
    expect(await store.remove('gpu-box')).toBe(true);
    expect(resolve({}).endpoint.address).toBe('unix:///var/run/docker.sock');
  });

  it('prefers a docker context of the same name, and explains a name that is neither', async () => {
    await store.save({ name: 'lab', host: 'ssh://saved', addedAt: 1 });
    writeContext('lab', 'tcp://context-host:2375');
    expect(resolve({ DOCKER_CONTEXT: 'lab' }).endpoint.address).toBe('tcp://context-host:2375');
    expect(() => resolve({ DOCKER_CONTEXT: 'nope' })).toThrow(BerthError);
    expect(() => resolve({ DOCKER_CONTEXT: 'nope' })).toThrow(/no engine of that name was added to Berth/);
  });

  it("reads a saved tcp engine's TLS files one by one: a CA alone is enough", async () => {
    writeFile(join(home, 'certs', 'ca.pem'), 'CA');
    await store.save({
      name: 'tls',
      host: 'tcp://10.0.0.3:2376',
      tls: { verify: true, ca: join(home, 'certs', 'ca.pem') },
      addedAt: 1,
    });
    expect(resolve({ DOCKER_CONTEXT: 'tls' }).target).toEqual({
      transport: 'tcp',
      host: '10.0.0.3',
      port: 2376,
      tls: { verify: true, ca: Buffer.from('CA') },
    });
  });

  it('names a broken engines.json instead of guessing', () => {
    writeFile(join(stateDir, 'engines.json'), '{"version": 1, "engines": [{"name": 3}]}');
    expect(() => resolve({ DOCKER_CONTEXT: 'x' })).toThrow(/engines\.json is not a valid list/);
  });
});

describe('listKnownEngines', () => {
  it('lists DOCKER_HOST, docker contexts, local sockets and saved engines, marking the one in use', async () => {
    writeContext('remote', 'ssh://ada@gpu');
    await store.save({ name: 'box', host: 'tcp://10.0.0.4:2376', tls: { verify: true }, addedAt: 1 });
    const sockets = ['/var/run/docker.sock', '/run/podman/podman.sock', '/run/user/1000/podman/podman.sock'];
    const list = (env: NodeJS.ProcessEnv) =>
      listKnownEngines({
        env,
        homeDir: home,
        stateDir,
        uid: 1000,
        platform: 'linux',
        fileExists: (path) => sockets.includes(path),
      }).map((engine) => [engine.name, engine.address, engine.origin, engine.current]);
    expect(list({})).toEqual([
      ['remote', 'ssh://ada@gpu', 'docker-context', false],
      ['default', 'unix:///var/run/docker.sock', 'socket', true],
      ['Podman socket (rootless)', 'unix:///run/user/1000/podman/podman.sock', 'socket', false],
      ['Podman socket (rootful)', 'unix:///run/podman/podman.sock', 'socket', false],
      ['box', 'tcp://10.0.0.4:2376', 'berth', false],
    ]);
    expect(list({ DOCKER_HOST: 'tcp://h:2375' })[0]).toEqual(['default', 'tcp://h:2375', 'environment', true]);
    expect(list({ DOCKER_CONTEXT: 'box' }).find(([name]) => name === 'box')?.[3]).toBe(true);
  });
});
