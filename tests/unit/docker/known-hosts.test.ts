import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostKeyFingerprint, hostKeyType, knownHostsName } from '../../../src/main/services/docker/ssh/host-key';
import {
  appendKnownHost,
  checkHostKey,
  knownKeyTypes,
  parseKnownHosts,
} from '../../../src/main/services/docker/ssh/known-hosts';

let dir: string;
/** Real keys made by ssh-keygen: two ed25519 (the host's, an impostor's) and one ecdsa. */
const keys: Record<'host' | 'impostor' | 'ecdsa', { blob: Buffer; line: string; fingerprint: string; file: string }> =
  {} as never;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-known-hosts-'));
  for (const [name, type] of [
    ['host', 'ed25519'],
    ['impostor', 'ed25519'],
    ['ecdsa', 'ecdsa'],
  ] as const) {
    const file = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', name, '-f', file]);
    const line = readFileSync(`${file}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
    const fingerprint = execFileSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).split(' ')[1]!;
    keys[name] = { blob: Buffer.from(line.split(' ')[1]!, 'base64'), line, fingerprint, file: `${file}.pub` };
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `ssh-keygen -H` (OpenSSH itself) makes of a plain known_hosts file. */
function hashedByOpenSsh(text: string): string {
  const file = join(dir, `hashed-${Math.random()}`);
  writeFileSync(file, text);
  execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
  return readFileSync(file, 'utf8');
}

describe('host keys', () => {
  it('prints fingerprints and types as OpenSSH does', () => {
    expect(hostKeyFingerprint(keys.host.blob)).toBe(keys.host.fingerprint);
    expect(hostKeyType(keys.ecdsa.blob)).toBe('ecdsa-sha2-nistp256');
    expect(knownHostsName('gpu-box', 22)).toBe('gpu-box');
    expect(knownHostsName('10.0.0.2', 2222)).toBe('[10.0.0.2]:2222');
  });
});

describe('checkHostKey', () => {
  it('knows a plain entry, by name, in a pattern list, and with a port', () => {
    const entries = parseKnownHosts(
      [
        `gpu-box,10.0.0.2 ${keys.host.line}`,
        `[lab.example]:2222 ${keys.host.line}`,
        `*.cluster ${keys.host.line}`,
      ].join('\n'),
      'kh',
    );
    expect(checkHostKey(entries, 'gpu-box', keys.host.blob)).toMatchObject({ status: 'known', line: 1 });
    expect(checkHostKey(entries, 'GPU-BOX', keys.host.blob)).toMatchObject({ status: 'known' });
    expect(checkHostKey(entries, '[lab.example]:2222', keys.host.blob)).toMatchObject({ status: 'known', line: 2 });
    expect(checkHostKey(entries, 'lab.example', keys.host.blob)).toMatchObject({ status: 'unknown' });
    expect(checkHostKey(entries, 'node7.cluster', keys.host.blob)).toMatchObject({ status: 'known', line: 3 });
  });

  it('reads entries hashed by OpenSSH (HashKnownHosts, ssh-keygen -H)', () => {
    const hashed = hashedByOpenSsh(`[127.0.0.1]:2222 ${keys.host.line}\ngpu-box ${keys.host.line}\n`);
    expect(hashed).not.toContain('gpu-box');
    const entries = parseKnownHosts(hashed, 'kh');
    expect(checkHostKey(entries, '[127.0.0.1]:2222', keys.host.blob)).toMatchObject({ status: 'known' });
    expect(checkHostKey(entries, 'gpu-box', keys.host.blob)).toMatchObject({ status: 'known' });
    expect(checkHostKey(entries, 'other', keys.host.blob)).toMatchObject({ status: 'unknown' });
  });

  it('calls a different key of the same type changed — hashed or not — and never known', () => {
    const plain = parseKnownHosts(`gpu-box ${keys.host.line}`, 'kh');
    expect(checkHostKey(plain, 'gpu-box', keys.impostor.blob)).toEqual({ status: 'changed', file: 'kh', line: 1 });
    const hashed = parseKnownHosts(hashedByOpenSsh(`gpu-box ${keys.host.line}\n`), 'kh');
    expect(checkHostKey(hashed, 'gpu-box', keys.impostor.blob)).toMatchObject({ status: 'changed' });
  });

  it('treats a key of another type as new, naming the types it has, and orders known types first', () => {
    const entries = parseKnownHosts(`gpu-box ${keys.ecdsa.line}`, 'kh');
    expect(checkHostKey(entries, 'gpu-box', keys.host.blob)).toEqual({
      status: 'unknown',
      otherTypes: ['ecdsa-sha2-nistp256'],
    });
    expect(knownKeyTypes(entries, 'gpu-box')).toEqual(['ecdsa-sha2-nistp256']);
  });

  it('honours negated patterns and @revoked markers, and skips @cert-authority lines and comments', () => {
    const entries = parseKnownHosts(
      [
        '# a comment',
        `*.lab,!secret.lab ${keys.host.line}`,
        `@revoked * ${keys.impostor.line}`,
        `@cert-authority *.lab ${keys.ecdsa.line}`,
        'garbage',
      ].join('\n'),
      'kh',
    );
    expect(checkHostKey(entries, 'a.lab', keys.host.blob)).toMatchObject({ status: 'known' });
    expect(checkHostKey(entries, 'secret.lab', keys.host.blob)).toMatchObject({ status: 'unknown' });
    expect(checkHostKey(entries, 'a.lab', keys.impostor.blob)).toMatchObject({ status: 'revoked', line: 3 });
    expect(checkHostKey(entries, 'a.lab', keys.ecdsa.blob)).toMatchObject({ status: 'unknown' });
  });
});

describe('appendKnownHost', () => {
  it('writes a line OpenSSH itself finds, hashed or plain, creating ~/.ssh', async () => {
    const file = join(dir, 'home', '.ssh', 'known_hosts');
    await appendKnownHost(file, '[127.0.0.1]:2222', keys.host.blob, true);
    await appendKnownHost(file, 'gpu-box', keys.ecdsa.blob, false);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\|1\|[^ ]+ ssh-ed25519 /);
    expect(text).toContain(`gpu-box ${keys.ecdsa.line}`);
    // ssh-keygen -F looks a host up the way ssh does.
    expect(execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2222', '-f', file], { encoding: 'utf8' })).toContain(
      'ssh-ed25519',
    );
    expect(checkHostKey(parseKnownHosts(text, file), '[127.0.0.1]:2222', keys.host.blob)).toMatchObject({
      status: 'known',
    });
  });
});
