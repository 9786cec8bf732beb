/**
 * Runs a benchmark with Berth and the reference tool both talking to the machine's engine over ssh: a private
 * OpenSSH server on loopback, a throwaway agent, and `DOCKER_HOST=ssh://…` in this process's environment (which
 * Berth's in-process commands and the docker CLI it spawns both read). The docker CLI runs the system `ssh`, so a
 * wrapper first on PATH points it at the test's known_hosts — OpenSSH reads ~/.ssh of the passwd home, not $HOME.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllEngineClients } from '../src/main/services/docker/open-clients';
import { startSshEngine } from '../tests/support/ssh/ssh-engine';
import type { BenchResult } from './bench-kit';

export async function overSsh(bench: () => Promise<BenchResult>): Promise<BenchResult> {
  const ssh = await startSshEngine();
  const wrapperDir = mkdtempSync(join(tmpdir(), 'berth-bench-ssh-'));
  writeFileSync(
    join(wrapperDir, 'ssh'),
    `#!/bin/sh\nexec /usr/bin/ssh -F /dev/null -o UserKnownHostsFile=${join(ssh.home, '.ssh', 'known_hosts')} -o StrictHostKeyChecking=yes "$@"\n`,
  );
  chmodSync(join(wrapperDir, 'ssh'), 0o755);
  const saved = { ...process.env };
  Object.assign(process.env, {
    DOCKER_HOST: ssh.sshd.url,
    SSH_AUTH_SOCK: ssh.agent.socketPath,
    // Berth reads ~/.ssh of HOME; the docker CLI keeps finding its plugins (compose) in the real config dir.
    HOME: ssh.home,
    DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'),
    PATH: `${wrapperDir}:${process.env.PATH ?? ''}`,
  });
  delete process.env.DOCKER_CONTEXT;
  const before = ssh.sshd.sessionCounts();
  try {
    const result = await bench();
    const after = ssh.sshd.sessionCounts();
    return {
      ...result,
      name: `over ssh: ${result.name}`,
      detail: `${result.detail}; ssh connections ${after.connections - before.connections}, sessions ${after.sessions - before.sessions} (both tools)`,
    };
  } finally {
    closeAllEngineClients();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await ssh.dispose();
    rmSync(wrapperDir, { recursive: true, force: true });
  }
}
