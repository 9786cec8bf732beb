/**
 * A service's build `ssh:` as agent sockets: `default` is $SSH_AUTH_SOCK, `id=path` a socket path. Compose writes the
 * entries as a list (`default`, `id=path`) or, normalized, as a map of id to path (null for the default agent).
 */
import { statSync } from 'node:fs';
import { BerthError } from '@shared/errors';
import type { SshAgents } from './session/ssh-agent-provider';

export function buildSshAgents(service: string, ssh: unknown, env: Record<string, string | undefined>): SshAgents {
  const agents: SshAgents = new Map();
  for (const [id, path] of sshEntries(ssh)) {
    const socket = path ?? env.SSH_AUTH_SOCK;
    if (!socket) {
      throw new BerthError(
        'E_INVALID_INPUT',
        `service "${service}" builds with ssh "${id}" but no ssh agent is running`,
        {
          fix: 'Start an ssh agent (ssh-agent, then ssh-add) so SSH_AUTH_SOCK is set, or name a socket: ssh: [id=/path/to/agent.sock].',
        },
      );
    }
    if (!isSocket(socket)) {
      throw new BerthError(
        'E_INVALID_INPUT',
        `service "${service}": ssh "${id}" is ${socket}, which is not an ssh agent socket`,
        {
          fix: 'Berth forwards ssh agents only: load the key into an agent (ssh-add KEY) and use ssh: [default].',
        },
      );
    }
    agents.set(id, socket);
  }
  return agents;
}

function sshEntries(ssh: unknown): [string, string | undefined][] {
  if (!ssh) return [];
  if (Array.isArray(ssh)) {
    return ssh.map((entry) => {
      const [id, path] = String(entry).split('=', 2) as [string, string | undefined];
      return [id, path];
    });
  }
  return Object.entries(ssh as Record<string, string | null>).map(([id, path]) => [id, path ?? undefined]);
}

function isSocket(path: string): boolean {
  try {
    return statSync(path).isSocket();
  } catch {
    return false;
  }
}
