import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// A container id in a cgroup path: `/docker/<id>`, `docker-<id>.scope` (systemd driver, rootless),
// `libpod-<id>.scope` (Podman), `cri-containerd-<id>.scope`.
const CONTAINER_ID = /(?:^|[/-])([0-9a-f]{64})(?:\.scope)?(?=\/|$)/g;

/**
 * The container a process runs in, from the text of `/proc/<pid>/cgroup` (cgroup v1 or v2); null for host
 * processes. Nested engines (Docker in Docker) list several ids: the innermost one is the container.
 */
export function containerIdFromCgroup(cgroupText: string): string | null {
  let found: string | null = null;
  for (const line of cgroupText.split('\n')) {
    const path = line.split(':').slice(2).join(':');
    for (const match of path.matchAll(CONTAINER_ID)) found = match[1]!;
  }
  return found;
}

/** Reads `/proc/<pid>/cgroup`; null when the process is gone or is not in a container. */
export async function containerIdForPid(pid: number, procRoot = '/proc'): Promise<string | null> {
  try {
    return containerIdFromCgroup(await readFile(join(procRoot, String(pid), 'cgroup'), 'utf8'));
  } catch {
    return null;
  }
}
