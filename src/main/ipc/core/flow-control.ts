import { FLOW_CONTROL } from '@shared/stream-protocol';

export interface FlowControlTarget {
  pause(): void;
  resume(): void;
}

/**
 * Acknowledgement-based flow control (the scheme VS Code's terminals use): the producer counts what
 * it sent, the consumer acknowledges what it processed; above the high watermark of unacknowledged
 * units the producer is paused, below the low one it resumes.
 */
export class AckFlowControl {
  private unacknowledged = 0;
  private paused = false;

  constructor(
    private readonly target: FlowControlTarget,
    private readonly highWatermark: number = FLOW_CONTROL.highWatermark,
    private readonly lowWatermark: number = FLOW_CONTROL.lowWatermark,
  ) {
    if (lowWatermark >= highWatermark) throw new RangeError('lowWatermark must be below highWatermark');
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get pending(): number {
    return this.unacknowledged;
  }

  sent(units: number): void {
    this.unacknowledged += units;
    if (!this.paused && this.unacknowledged > this.highWatermark) {
      this.paused = true;
      this.target.pause();
    }
  }

  acknowledged(units: number): void {
    this.unacknowledged = Math.max(0, this.unacknowledged - units);
    if (this.paused && this.unacknowledged < this.lowWatermark) {
      this.paused = false;
      this.target.resume();
    }
  }
}
