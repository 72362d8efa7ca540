/** Spark's speculation settings: a task much slower than its stage's median gets a second copy. */
export interface SpeculationOptions {
  /** Off by default, as in Spark. */
  enabled: boolean;
  /** A task is slow when it has run longer than multiplier × the median of finished tasks. Default 1.5. */
  multiplier: number;
  /** Fraction of the stage's tasks that must have finished before speculating. Default 0.75. */
  quantile: number;
  /** Never speculate a task that has run less than this. Default 100 ms. */
  minRuntimeMs: number;
}

export const DEFAULT_SPECULATION: SpeculationOptions = { enabled: false, multiplier: 1.5, quantile: 0.75, minRuntimeMs: 100 };

interface Running {
  start: number;
  copied: boolean;
  launchCopy: () => void;
}

/** Watches one stage's tasks and launches copies of stragglers. */
export class SpeculationMonitor {
  private readonly running = new Map<number, Running>();
  private readonly durations: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly opts: SpeculationOptions,
    private readonly totalTasks: number,
  ) {
    this.timer = setInterval(() => this.check(), 50);
    this.timer.unref();
  }

  started(task: number, launchCopy: () => void): void {
    this.running.set(task, { start: Date.now(), copied: false, launchCopy });
  }

  finished(task: number): void {
    const r = this.running.get(task);
    if (!r) return;
    this.running.delete(task);
    this.durations.push(Date.now() - r.start);
  }

  private check(): void {
    if (this.durations.length < Math.max(1, Math.floor(this.opts.quantile * this.totalTasks))) return;
    const sorted = [...this.durations].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const threshold = Math.max(this.opts.multiplier * median, this.opts.minRuntimeMs);
    const now = Date.now();
    for (const r of this.running.values()) {
      if (!r.copied && now - r.start > threshold) {
        r.copied = true;
        r.launchCopy();
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
