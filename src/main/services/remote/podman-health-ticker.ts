import type Docker from 'dockerode';
import { runPodmanHealthcheck } from './podman-compat';

const DEFAULT_TICK_MS = 1_000;
/** Docker's default healthcheck interval (30 s), in nanoseconds as the API gives it. */
const DEFAULT_INTERVAL_NS = 30_000_000_000;

interface HealthState {
  Status?: string;
  Log?: Array<{ End?: string }> | null;
}

/**
 * Runs the healthchecks of running containers on a Podman engine that can't schedule them itself (Podman uses
 * systemd timers; without systemd — containers, CI, WSL — a healthcheck never runs and `service_healthy` never comes).
 * Each tick it runs, through the libpod API, every check whose interval has passed since its last run. Start it for
 * a Podman engine whose `podmanNotes` say it runs without systemd; stop it when leaving that engine.
 */
export class PodmanHealthTicker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly docker: Docker,
    private readonly options: { tickMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? DEFAULT_TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass: exported for tests and for callers that want a check now. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const now = (this.options.now ?? Date.now)();
    try {
      const containers = await this.docker.listContainers({ filters: { status: ['running'] } });
      await Promise.allSettled(
        containers.map(async ({ Id }) => {
          // A container may go between the list and here: nothing to check then.
          const inspected = await this.docker.getContainer(Id).inspect();
          const test = inspected.Config.Healthcheck?.Test;
          if (!test?.length || test[0] === 'NONE') return;
          const health = (inspected.State as { Health?: HealthState }).Health;
          const intervalMs = (inspected.Config.Healthcheck?.Interval || DEFAULT_INTERVAL_NS) / 1_000_000;
          const lastLogged = Date.parse(health?.Log?.at(-1)?.End ?? '') || 0;
          const last = Math.max(lastLogged, this.lastRun.get(Id) ?? 0);
          if (now - last < intervalMs) return;
          this.lastRun.set(Id, now);
          await runPodmanHealthcheck(this.docker, Id);
        }),
      );
      // Forget containers that are gone.
      const ids = new Set(containers.map((container) => container.Id));
      for (const id of this.lastRun.keys()) if (!ids.has(id)) this.lastRun.delete(id);
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.running = false;
    }
  }
}
