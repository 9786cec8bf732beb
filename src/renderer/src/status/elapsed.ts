import type { ContainerSummary } from '@shared/schemas/containers';

/** "less than a minute", "3 min", "2 h 5 min", "4 days": as precise as a 15-second tick can keep true. */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "Up 3 minutes (healthy)" → "3 minutes": the engine's own words, frozen at the last event. */
function uptimeFromStatusText(status: string): string | null {
  return /^Up (.+?)(?: \((?:healthy|unhealthy|health: starting)\))?$/.exec(status)?.[1] ?? null;
}

/** How long a running container has been up, from its start time; the status text when main hasn't sent one. */
export function uptimeOf(container: ContainerSummary, now: number): string | null {
  if (container.state !== 'running') return null;
  if (container.startedAt !== null) return formatElapsed(now - container.startedAt);
  return uptimeFromStatusText(container.status);
}

/** How long ago a stopped container ended ("3 min ago"), when main knows. */
export function endedAgo(container: ContainerSummary, now: number): string | null {
  if (container.state !== 'exited' || container.finishedAt === null) return null;
  const elapsed = formatElapsed(now - container.finishedAt);
  return elapsed === 'less than a minute' ? 'just now' : `${elapsed} ago`;
}
