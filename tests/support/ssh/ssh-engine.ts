import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SshEngineTarget } from '../../../src/main/services/docker/engine-target';
import { startPrivateSshd, type PrivateSshd, type PrivateSshdOptions } from './private-sshd';
import { startThrowawayAgent, type ThrowawayAgent } from './ssh-agent';

export interface SshEngineOptions extends PrivateSshdOptions {
  /** `trusted` (default) records the server's key in the client's known_hosts; `empty` leaves it unknown. */
  knownHosts?: 'trusted' | 'empty';
  /** Which key the agent holds: the accepted one (default), one the server doesn't know, or none. */
  agentKey?: 'client' | 'stranger' | 'none';
}

export interface SshEngine {
  sshd: PrivateSshd;
  agent: ThrowawayAgent;
  /** The client's home: `.ssh/known_hosts`, `.ssh/config`, Berth's state (XDG_STATE_HOME) — never the real one. */
  home: string;
  /** For `runBerth`: HOME, XDG_STATE_HOME, SSH_AUTH_SOCK and DOCKER_HOST=ssh://… (no other engine variables). */
  env: NodeJS.ProcessEnv;
  target: SshEngineTarget;
  /** Writes `~/.ssh/config` of the client home. */
  writeSshConfig(text: string): void;
  dispose(): Promise<void>;
}

/**
 * A real OpenSSH server on loopback in front of the machine's engine (or the one `setEnv.DOCKER_HOST` names), a
 * throwaway ssh-agent, and a client home that trusts the server: what a user with `ssh://user@gpu-box` has.
 */
export async function startSshEngine(options: SshEngineOptions = {}): Promise<SshEngine> {
  const sshd = await startPrivateSshd(options);
  const agent = await startThrowawayAgent();
  const agentKey = options.agentKey ?? 'client';
  if (agentKey !== 'none') agent.add(agentKey === 'client' ? sshd.clientKeyPath : sshd.strangerKeyPath);
  const home = mkdtempSync(join(tmpdir(), 'berth-ssh-home-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  if ((options.knownHosts ?? 'trusted') === 'trusted') {
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine()}\n`);
  }
  const {
    DOCKER_HOST: _host,
    DOCKER_CONTEXT: _context,
    DOCKER_CERT_PATH: _certs,
    DOCKER_TLS_VERIFY: _verify,
    SSH_AUTH_SOCK: _agent,
    ...base
  } = process.env;
  return {
    sshd,
    agent,
    home,
    env: {
      ...base,
      HOME: home,
      XDG_STATE_HOME: join(home, 'state'),
      SSH_AUTH_SOCK: agent.socketPath,
      DOCKER_HOST: sshd.url,
    },
    target: {
      transport: 'ssh',
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.user,
      agent: agent.socketPath,
      homeDir: home,
    },
    writeSshConfig(text) {
      writeFileSync(join(home, '.ssh', 'config'), text);
    },
    async dispose() {
      await agent.dispose();
      await sshd.dispose();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
