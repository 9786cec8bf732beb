import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registryAuthFromDockerConfig } from '../../../src/main/services/compose/engine/image/registry-auth';

const dirs: string[] = [];
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dockerConfig(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-auth-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

describe('registryAuthFromDockerConfig', () => {
  it('reads base64 auths, for Docker Hub under its index URL', async () => {
    const dir = dockerConfig({
      auths: {
        'registry.local:5000': { auth: Buffer.from('ann:s3cr:et').toString('base64') },
        'https://index.docker.io/v1/': { auth: Buffer.from('bob:pw').toString('base64') },
      },
    });
    const lookup = registryAuthFromDockerConfig({ DOCKER_CONFIG: dir }, '/nowhere');
    expect(await lookup('registry.local:5000')).toEqual({
      username: 'ann',
      password: 's3cr:et',
      serveraddress: 'registry.local:5000',
    });
    expect(await lookup('docker.io')).toMatchObject({ username: 'bob', password: 'pw' });
    expect(await lookup('other.io')).toBeUndefined();
  });

  it('asks the credential helper named for the registry', async () => {
    const dir = dockerConfig({ credHelpers: { 'ghcr.io': 'berthtest' } });
    const helper = join(dir, 'bin', 'docker-credential-berthtest');
    writeFileSync(
      helper,
      '#!/bin/sh\nread server\necho "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"carol\\",\\"Secret\\":\\"tok-$server\\"}"\n',
    );
    chmodSync(helper, 0o755);
    process.env.PATH = `${join(dir, 'bin')}${delimiter}${originalPath}`;
    const lookup = registryAuthFromDockerConfig({ DOCKER_CONFIG: dir }, '/nowhere');
    expect(await lookup('ghcr.io')).toEqual({ username: 'carol', password: 'tok-ghcr.io', serveraddress: 'ghcr.io' });
  });
});
