import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { testEngine, type EngineTestResult } from '../../../src/main/services/remote/test-engine';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { skipWithoutSshd, unprivilegedUser } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine, type SshEngineOptions } from '../../support/ssh/ssh-engine';
import { startTlsEngine, startTlsFrontend, type TlsEngine } from '../../support/tls/tls-engine';

const engine = await requireEngine();
const skipSsh = !engine.available || skipWithoutSshd();
const skipTls = !engine.available || skipWithoutPrivateDockerd();

const failureOf = (result: EngineTestResult) => {
  if (result.ok) throw new Error(`expected a refusal, got a connection to ${result.info.name}`);
  return result;
};

/** Starts an ssh engine with `options`, tests it once through the service, and disposes it. */
async function testSsh(
  options: SshEngineOptions,
  prepare?: (ssh: SshEngine) => void,
): Promise<{ result: EngineTestResult; ssh: SshEngine }> {
  const ssh = await startSshEngine(options);
  try {
    prepare?.(ssh);
    const result = await testEngine(resolveEndpoint({ env: ssh.env, homeDir: ssh.home }));
    return { result, ssh };
  } finally {
    await ssh.dispose();
  }
}

describe.skipIf(skipSsh)('ssh engines refuse what OpenSSH refuses, saying why and what to do', () => {
  it('refuses an unknown host key, with the fingerprint OpenSSH shows for it', async () => {
    let fingerprint = '';
    const { result } = await testSsh({ knownHosts: 'empty' }, (ssh) => {
      fingerprint = execFileSync('ssh-keygen', ['-lf', join(ssh.sshd.dir, 'host_ed25519.pub')], {
        encoding: 'utf8',
      }).split(' ')[1]!;
    });
    const refused = failureOf(result);
    expect(refused.reason).toContain(`ssh-ed25519 key fingerprint is ${fingerprint}`);
    expect(refused.fix).toContain(`--accept-host-key ${fingerprint}`);
    expect(refused.failure).toMatchObject({
      kind: 'host-key-unknown',
      hostKey: { fingerprint, keyType: 'ssh-ed25519' },
    });
  });

  it('refuses a changed host key and leaves known_hosts alone', async () => {
    const ssh = await startSshEngine();
    try {
      // Another ed25519 key recorded for this host: what a man in the middle (or a reinstall) looks like.
      const impostor = readFileSync(`${ssh.sshd.strangerKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
      const knownHosts = join(ssh.home, '.ssh', 'known_hosts');
      const recorded = `[127.0.0.1]:${ssh.sshd.port} ${impostor}\n`;
      writeFileSync(knownHosts, recorded);
      const refused = failureOf(await testEngine(resolveEndpoint({ env: ssh.env, homeDir: ssh.home })));
      expect(refused.reason).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED.*Berth refuses it/);
      expect(refused.fix).toContain('ssh-keygen -R');
      expect(refused.failure).toMatchObject({ kind: 'host-key-changed', line: 1 });
      const run = await runBerth(['engines', 'test'], { env: ssh.env, exitWithinMs: 20_000 });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('REMOTE HOST IDENTIFICATION HAS CHANGED');
      expect(readFileSync(knownHosts, 'utf8')).toBe(recorded);
    } finally {
      await ssh.dispose();
    }
  });

  it('names the identities the agent offered when the server accepts none of them', async () => {
    let stranger = '';
    const { result } = await testSsh({ agentKey: 'stranger' }, (ssh) => {
      stranger = execFileSync('ssh-keygen', ['-lf', `${ssh.sshd.strangerKeyPath}.pub`], { encoding: 'utf8' }).split(
        ' ',
      )[1]!;
    });
    const refused = failureOf(result);
    expect(refused.reason).toContain(`refused every identity Berth offered for user "root"`);
    expect(refused.reason).toContain(`${stranger} (agent: berth-test-stranger)`);
    expect(refused.failure).toMatchObject({ kind: 'ssh-auth', offered: [{ source: 'agent', fingerprint: stranger }] });
  });

  it('says when `docker` is not on the PATH of ssh sessions on the host', async () => {
    const { result } = await testSsh({ setEnv: { PATH: '/nonexistent' } });
    const refused = failureOf(result);
    expect(refused.reason).toMatch(/`docker` is not on the PATH of non-interactive ssh sessions/);
    expect(refused.failure).toMatchObject({ kind: 'docker-missing' });
  });

  it('says when the ssh user may not open the Docker socket (not in the docker group)', async () => {
    const { result } = await testSsh({ user: unprivilegedUser() });
    const refused = failureOf(result);
    expect(refused.reason).toMatch(/may not open the Docker socket.*permission denied/i);
    expect(refused.fix).toContain('usermod -aG docker');
    expect(refused.failure).toMatchObject({ kind: 'socket-denied' });
  });

  it('waits for a remote shell that takes 5 s to start (a .bashrc initialising conda or pyenv)', async () => {
    // sshd runs ForceCommand through the user's shell: every session pays 5 s before its command runs.
    const ssh = await startSshEngine({ extraConfig: ['ForceCommand sleep 5; eval "$SSH_ORIGINAL_COMMAND"'] });
    try {
      const run = await runBerth(['engine'], { env: ssh.env, exitWithinMs: 45_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.durationMs).toBeGreaterThan(5_000);
    } finally {
      await ssh.dispose();
    }
  });
});

describe.skipIf(skipTls)('tcp+TLS engines', () => {
  let tls: TlsEngine;
  beforeAll(async () => {
    tls = await startTlsEngine();
  });
  afterAll(async () => {
    await tls?.dispose();
  });

  it('connect with DOCKER_TLS_VERIFY and a cert folder, and refuse a server signed by another CA', async () => {
    expect(await testEngine(resolveEndpoint({ env: tls.env, homeDir: tls.certs.clientDir }))).toMatchObject({
      ok: true,
    });
    const run = await runBerth(['engines', 'test'], {
      env: { ...process.env, ...tls.env, DOCKER_CERT_PATH: tls.certs.wrongCaDir },
      exitWithinMs: 20_000,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not signed by the CA Berth was given/);
  });

  it('work with a cert folder holding only ca.pem (an engine behind a TLS proxy that asks no client certificate)', async () => {
    const frontend = await startTlsFrontend(
      tls.dockerd.socketPath,
      tls.certs.serverCert,
      join(tls.certs.serverCert, '..', 'server-key.pem'),
    );
    try {
      const env = {
        ...process.env,
        DOCKER_HOST: `tcp://127.0.0.1:${frontend.port}`,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: tls.certs.caOnlyDir,
      };
      const run = await runBerth(['engine', '--json'], { env, exitWithinMs: 20_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ status: 'connected', endpoint: { kind: 'tcp', tls: true } });
    } finally {
      await frontend.close();
    }
  });

  it('name clock skew when the engine certificate is not valid yet', async () => {
    const frontend = await startTlsFrontend(
      tls.dockerd.socketPath,
      tls.certs.futureServerCert,
      join(tls.certs.serverCert, '..', 'server-key.pem'),
    );
    try {
      const result = await testEngine(
        resolveEndpoint({
          env: {
            DOCKER_HOST: `tcp://127.0.0.1:${frontend.port}`,
            DOCKER_TLS_VERIFY: '1',
            DOCKER_CERT_PATH: tls.certs.caOnlyDir,
          },
          homeDir: tls.certs.caOnlyDir,
        }),
      );
      const refused = failureOf(result);
      expect(refused.reason).toMatch(
        /^Clock skew: the certificate of 127\.0\.0\.1:\d+ is valid only from .*, 2 days from now/,
      );
      expect(refused.failure).toMatchObject({ kind: 'tls-clock-skew' });
    } finally {
      await frontend.close();
    }
  });
});
