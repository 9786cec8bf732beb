/**
 * Where one output stream (stdout or stderr) of one container got to: the newest timestamp delivered and how many
 * lines carried exactly that timestamp. The engine's `since` is inclusive, so a resumed request repeats those lines;
 * the cursor skips them, so a resume neither loses nor duplicates lines. Each stream keeps its own cursor because
 * the engine timestamps stdout and stderr separately: within one stream times never go backwards, across the two
 * they may interleave.
 */
export class StreamCursor {
  private lastTime: string | null = null;
  private deliveredAtLastTime = 0;
  private skipAtLastTime = 0;

  get time(): string | null {
    return this.lastTime;
  }

  /** Call before a request that resumes from `time`: the repeats of already-delivered lines will be skipped. */
  beginResume(): void {
    this.skipAtLastTime = this.deliveredAtLastTime;
  }

  /** True when the line is new; records it. */
  accept(time: string): boolean {
    if (this.lastTime === null || time > this.lastTime) {
      this.lastTime = time;
      this.deliveredAtLastTime = 1;
      this.skipAtLastTime = 0;
      return true;
    }
    if (time < this.lastTime) return false;
    if (this.skipAtLastTime > 0) {
      this.skipAtLastTime--;
      return false;
    }
    this.deliveredAtLastTime++;
    return true;
  }
}
