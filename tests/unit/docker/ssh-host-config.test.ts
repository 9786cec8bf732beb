import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJumpHop, resolveSshHost } from '../../../src/main/services/docker/ssh/ssh-host-config';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'berth-ssh-config-'));
  mkdirSync(join(home, '.ssh'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const resolve = (host: string, extra: { port?: number; user?: string } = {}, systemConfigPath: string | null = null) =>
  resolveSshHost({ host, ...extra }, { homeDir: home, localUser: 'ada', systemConfigPath });

describe('resolveSshHost', () => {
  it("falls back to OpenSSH's defaults: the local user, port 22, the default keys and known_hosts files", async () => {
    const settings = await resolve('gpu-box');
    expect(settings).toMatchObject({
      hostname: 'gpu-box',
      port: 22,
      user: 'ada',
      identitiesOnly: false,
      identityFilesConfigured: false,
      strictHostKeyChecking: 'ask',
      hashKnownHosts: false,
      userKnownHostsFiles: [join(home, '.ssh/known_hosts'), join(home, '.ssh/known_hosts2')],
    });
    expect(settings.identityFiles).toContain(join(home, '.ssh/id_ed25519'));
  });

  it('applies a Host alias with the first value winning, and lets the address override user and port', async () => {
    writeFileSync(
      join(home, '.ssh', 'config'),
      [
        'Host gpu-box',
        '  HostName 10.0.0.2',
        '  User bob',
        '  Port 2222',
        '  IdentityFile ~/.ssh/lab_key',
        '  IdentityFile %d/.ssh/%r_%h',
        '  IdentitiesOnly yes',
        '  StrictHostKeyChecking accept-new',
        '  UserKnownHostsFile ~/.ssh/lab_hosts',
        '  ProxyJump jump@bastion:2200',
        '  ServerAliveInterval 7',
        'Host *',
        '  User nobody-else',
        '  HashKnownHosts yes',
        '',
      ].join('\n'),
    );
    const settings = await resolve('gpu-box');
    expect(settings).toMatchObject({
      hostname: '10.0.0.2',
      user: 'bob',
      port: 2222,
      identityFiles: [join(home, '.ssh/lab_key'), join(home, '.ssh/bob_10.0.0.2')],
      identitiesOnly: true,
      strictHostKeyChecking: 'accept-new',
      userKnownHostsFiles: [join(home, '.ssh/lab_hosts')],
      proxyJump: 'jump@bastion:2200',
      keepaliveIntervalMs: 7000,
      hashKnownHosts: true,
    });
    expect(await resolve('gpu-box', { user: 'carol', port: 22 })).toMatchObject({ user: 'carol', port: 22 });
    expect(await resolve('other')).toMatchObject({ user: 'nobody-else', hostname: 'other' });
  });

  it('reads Include files and the system file after the user one', async () => {
    mkdirSync(join(home, '.ssh', 'config.d'));
    writeFileSync(join(home, '.ssh', 'config'), 'Include config.d/*.conf\n');
    writeFileSync(join(home, '.ssh', 'config.d', 'lab.conf'), 'Host lab\n  HostName lab.internal\n');
    const system = join(home, 'ssh_config');
    writeFileSync(system, 'Host *\n  HashKnownHosts yes\n  HostName never-used\n');
    expect(await resolve('lab', {}, system)).toMatchObject({ hostname: 'lab.internal', hashKnownHosts: true });
  });

  it('never runs Match exec commands', async () => {
    const marker = join(home, 'ran');
    writeFileSync(join(home, '.ssh', 'config'), `Match exec "touch ${marker}"\n  User evil\n`);
    expect((await resolve('gpu-box')).user).toBe('ada');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('parseJumpHop', () => {
  it('reads [user@]host[:port] and ssh:// hops', () => {
    expect(parseJumpHop('jump@bastion:2200')).toEqual({ host: 'bastion', port: 2200, user: 'jump' });
    expect(parseJumpHop('bastion')).toEqual({ host: 'bastion', port: undefined, user: undefined });
    expect(parseJumpHop('ssh://me@[::1]:22')).toEqual({ host: '::1', port: 22, user: 'me' });
  });
});
