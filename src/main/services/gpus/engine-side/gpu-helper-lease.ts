import type Docker from 'dockerode';
import { GpuHelper } from './gpu-helper';

/**
 * The GPU helper lives while some GPU view needs it: the first `acquire` starts it, the last `release` removes it
 * (after `lingerMs`, so switching tabs doesn't restart it). One per engine: the engine-scoped object owns it.
 */
export class GpuHelperLease {
  private helper: GpuHelper | null = null;
  private holders = 0;
  private lingerTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly lingerMs = 10_000,
  ) {}

  async acquire(): Promise<GpuHelper> {
    this.holders += 1;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    this.helper ??= new GpuHelper(this.docker, this.image);
    try {
      await this.helper.start();
    } catch (error) {
      this.holders -= 1;
      throw error;
    }
    return this.helper;
  }

  release(): void {
    this.holders = Math.max(0, this.holders - 1);
    if (this.holders > 0) return;
    this.lingerTimer = setTimeout(() => void this.dispose(), this.lingerMs);
    this.lingerTimer.unref();
  }

  /** Removes the helper now (engine switched, app closing). */
  async dispose(): Promise<void> {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    const helper = this.helper;
    this.helper = null;
    await helper?.stop();
  }
}
