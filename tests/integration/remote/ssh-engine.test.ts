import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../src/main/services/docker/docker-client';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { testEngine } from '../../../src/main/services/remote/test-engine';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();

/** `SHA256:…` of a public key file, as OpenSSH prints it. */
function fingerprintOf(publicKeyFile: string): string {
  return execFileSync('ssh-keygen', ['-lf', publicKeyFile], { encoding: 'utf8' }).split(' ')[1]!;
}

describe.skipIf(skip)('an ssh engine behind a real OpenSSH server', () => {
  let ssh: SshEngine;

  beforeAll(async () => {
    ssh = await startSshEngine();
  });

  afterAll(async () => {
    await ssh?.dispose();
  });

  it('`berth engine` reaches the engine over ssh://, with no Node warning printed', async () => {
    const run = await runBerth(['engine', '--json'], { env: ssh.env, exitWithinMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'connected',
      endpoint: { kind: 'ssh', address: ssh.sshd.url, local: false },
    });
    expect(run.stderr).not.toMatch(/Warning/);
  });

  it('carries every request on one ssh connection, straight to the engine socket once proven to be the same engine', async () => {
    const before = ssh.sshd.sessionCounts();
    const client = createEngineClient(ssh.target);
    const second = createEngineClient(ssh.target);
    try {
      await client.docker.ping();
      await Promise.all([client.docker.info(), client.docker.version(), second.docker.listContainers()]);
      for (let round = 0; round < 5; round++) await client.docker.listContainers({ all: true });
      // Both clients share the connection.
      expect(second.ssh).toBe(client.ssh);
      expect(client.ssh!.stats.connections).toBe(1);
      const after = ssh.sshd.sessionCounts();
      expect(after.connections - before.connections).toBe(1);
      // One dial-stdio session, to learn which engine the docker CLI there would use; every request then took a
      // direct channel to /var/run/docker.sock (no remote process), as its /info ID matched.
      expect(after.sessions - before.sessions).toBe(1);
    } finally {
      client.close();
      second.close();
    }
  });

  it('follows a Host alias of ~/.ssh/config (HostName, Port, User) for an address without a user', async () => {
    ssh.writeSshConfig(`Host gpu-box\n  HostName 127.0.0.1\n  Port ${ssh.sshd.port}\n  User ${ssh.sshd.user}\n`);
    const run = await runBerth(['engine', '--json'], {
      env: { ...ssh.env, DOCKER_HOST: 'ssh://gpu-box' },
      exitWithinMs: 30_000,
    });
    ssh.writeSshConfig('');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'connected', endpoint: { address: 'ssh://gpu-box' } });
  });

  it('logs in as the current user when neither the address nor the config names one', async () => {
    const result = await testEngine(
      resolveEndpoint({
        env: { DOCKER_HOST: `ssh://127.0.0.1:${ssh.sshd.port}`, SSH_AUTH_SOCK: ssh.agent.socketPath },
        homeDir: ssh.home,
      }),
    );
    expect(result).toMatchObject({ ok: true });
  });

  it('authenticates with an unencrypted IdentityFile when no agent runs', async () => {
    ssh.writeSshConfig(`Host 127.0.0.1\n  IdentityFile ${ssh.sshd.clientKeyPath}\n  IdentitiesOnly yes\n`);
    const { SSH_AUTH_SOCK: _agent, ...withoutAgent } = ssh.env;
    const run = await runBerth(['engines', 'test'], { env: withoutAgent, exitWithinMs: 30_000 });
    ssh.writeSshConfig('');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/works/);
  });

  it('adds an engine whose host key the user confirms, then uses it by name (engines add, ls, use, test, rm)', async () => {
    writeFileSync(join(ssh.home, '.ssh', 'known_hosts'), '');
    const fingerprint = fingerprintOf(join(ssh.sshd.dir, 'host_ed25519.pub'));
    const refused = await runBerth(['engines', 'add', 'gpu', ssh.sshd.url], { env: ssh.env, exitWithinMs: 30_000 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(fingerprint);
    expect(refused.stderr).toContain('was not saved');

    const wrong = await runBerth(['engines', 'add', 'gpu', ssh.sshd.url, '--accept-host-key', 'SHA256:notthisone'], {
      env: ssh.env,
      exitWithinMs: 30_000,
    });
    expect(wrong.code).toBe(1);
    expect(readFileSync(join(ssh.home, '.ssh', 'known_hosts'), 'utf8')).toBe('');

    const added = await runBerth(['engines', 'add', 'gpu', ssh.sshd.url, '--accept-host-key', fingerprint], {
      env: ssh.env,
      exitWithinMs: 30_000,
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Saved engine "gpu"');
    // Debian's /etc/ssh/ssh_config says HashKnownHosts yes: the name is recorded hashed, as ssh would.
    expect(readFileSync(join(ssh.home, '.ssh', 'known_hosts'), 'utf8')).toMatch(/^\|1\|\S+ ssh-ed25519 AAAA/);

    const { DOCKER_HOST: _host, ...noHost } = ssh.env;
    const listed = await runBerth(['engines', 'ls', '--json'], { env: noHost, exitWithinMs: 15_000 });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toContainEqual(
      expect.objectContaining({ name: 'gpu', kind: 'ssh', origin: 'berth', current: false }),
    );
    const byContext = await runBerth(['--context', 'gpu', 'engine', '--json'], { env: noHost, exitWithinMs: 30_000 });
    expect(byContext.code, byContext.stderr).toBe(0);
    expect(JSON.parse(byContext.stdout)).toMatchObject({
      status: 'connected',
      endpoint: { kind: 'ssh', context: 'gpu' },
    });

    expect((await runBerth(['engines', 'use', 'gpu'], { env: noHost, exitWithinMs: 15_000 })).code).toBe(0);
    const current = await runBerth(['engines', 'ls'], { env: noHost, exitWithinMs: 15_000 });
    expect(current.stdout).toMatch(/^gpu \*/m);
    const tested = await runBerth(['engines', 'test'], { env: noHost, exitWithinMs: 30_000 });
    expect(tested.code, tested.stderr).toBe(0);

    expect((await runBerth(['engines', 'rm', 'gpu'], { env: noHost, exitWithinMs: 15_000 })).code).toBe(0);
    const gone = await runBerth(['engines', 'rm', 'gpu'], { env: noHost, exitWithinMs: 15_000 });
    expect(gone.code).toBe(1);
    writeFileSync(join(ssh.home, '.ssh', 'known_hosts'), `${ssh.sshd.knownHostsLine()}\n`);
  });

  it('rejects conflicting and incomplete engine flags with usage errors', async () => {
    const both = await runBerth(['-H', ssh.sshd.url, '--context', 'x', 'ps'], { env: ssh.env, exitWithinMs: 15_000 });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either specify --host or --context');
    const missing = await runBerth(['engines', 'add', 'only-name'], { env: ssh.env, exitWithinMs: 15_000 });
    expect(missing.code).toBe(2);
  });
});
