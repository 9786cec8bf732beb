import { join } from 'node:path';
import type { Endpoint } from '@shared/schemas/engine';

export interface WellKnownSocket {
  path: string;
  source: Extract<Endpoint['source'], 'docker-desktop' | 'colima' | 'podman'>;
}

/**
 * Per-user engines that don't own /var/run/docker.sock, in the order Berth tries them when that socket is absent:
 * Docker Desktop (macOS `~/.docker/run`, Linux `~/.docker/desktop`), Colima's default profile, then Podman
 * (rootless via XDG_RUNTIME_DIR or /run/user/<uid>, then rootful).
 */
export function wellKnownSockets(options: {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  uid?: number;
}): WellKnownSocket[] {
  const { env, homeDir, uid } = options;
  const colimaHome = env.COLIMA_HOME || join(homeDir, '.colima');
  const candidates: Array<WellKnownSocket | undefined> = [
    { path: join(homeDir, '.docker', 'run', 'docker.sock'), source: 'docker-desktop' },
    { path: join(homeDir, '.docker', 'desktop', 'docker.sock'), source: 'docker-desktop' },
    { path: join(colimaHome, 'default', 'docker.sock'), source: 'colima' },
    env.XDG_RUNTIME_DIR ? { path: join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'), source: 'podman' } : undefined,
    uid !== undefined ? { path: `/run/user/${uid}/podman/podman.sock`, source: 'podman' } : undefined,
    { path: '/run/podman/podman.sock', source: 'podman' },
  ];
  const seen = new Set<string>();
  return candidates.filter((candidate): candidate is WellKnownSocket => {
    if (!candidate || seen.has(candidate.path)) return false;
    seen.add(candidate.path);
    return true;
  });
}
