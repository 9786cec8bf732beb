import type Docker from 'dockerode';

/**
 * What works differently on Podman's Docker-compatible API (4.x), named so Berth can say so:
 * - healthchecks are scheduled by systemd timers: where Podman runs without systemd they never run by themselves
 *   (`runPodmanHealthcheck` runs one through the libpod API);
 * - the container list's Status has no "(healthy)": health comes from inspect;
 * - log timestamps are whole seconds: resumed logs rely on the per-timestamp line count (logs/stream-cursor.ts).
 */
export function podmanNotes(libpod?: PodmanHostInfo): string[] {
  const notes = [
    'Podman: the container list carries no health status; Berth reads health from each container (inspect).',
  ];
  if (libpod && libpod.cgroupManager === 'cgroupfs') {
    notes.push(
      'Podman runs here without systemd (cgroup manager "cgroupfs"): it schedules healthchecks with systemd timers, so ' +
        'they never run on their own and `depends_on: condition: service_healthy` would wait forever. Run Podman under ' +
        'systemd (`systemctl --user start podman.socket`), or let Berth run the checks.',
    );
  }
  return notes;
}

export interface PodmanHostInfo {
  cgroupManager?: string;
  serviceIsRemote?: boolean;
  version?: string;
}

/** `GET /libpod/info`'s host part; undefined on engines that aren't Podman. */
export async function readPodmanHostInfo(docker: Docker): Promise<PodmanHostInfo | undefined> {
  try {
    const info = (await dial(docker, `${LIBPOD}/info`, { 200: true })) as {
      host?: { cgroupManager?: string; serviceIsRemote?: boolean };
      version?: { Version?: string };
    };
    return {
      cgroupManager: info.host?.cgroupManager,
      serviceIsRemote: info.host?.serviceIsRemote,
      version: info.version?.Version,
    };
  } catch {
    return undefined;
  }
}

export interface PodmanHealthcheckResult {
  status: 'healthy' | 'unhealthy' | 'starting' | string;
  failingStreak: number;
}

/** Runs the container's healthcheck now, as `podman healthcheck run` does (libpod API); returns the new health. */
export async function runPodmanHealthcheck(docker: Docker, containerId: string): Promise<PodmanHealthcheckResult> {
  const result = (await dial(docker, `${LIBPOD}/containers/${encodeURIComponent(containerId)}/healthcheck`, {
    200: true,
    404: 'no such container',
    409: 'container has no healthcheck or is not running',
    500: 'server error',
  })) as { Status?: string; FailingStreak?: number };
  return { status: result.Status ?? 'starting', failingStreak: result.FailingStreak ?? 0 };
}

/** libpod routes answer only under a version prefix; Podman 4 and later accept v4.0.0. */
const LIBPOD = '/v4.0.0/libpod';

interface Modem {
  dial(options: object, callback: (error: unknown, result: unknown) => void): void;
}

function dial(docker: Docker, path: string, statusCodes: Record<number, true | string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    (docker.modem as Modem).dial({ path, method: 'GET', statusCodes, options: {} }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}
