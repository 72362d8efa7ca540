import { Piscina } from 'piscina';
import type { TaskOutcome, TaskPayload } from '../exec/task.js';
import type { TaskRunner } from './task-runner.js';

// Resolved relative to this file in both src/ (tests via vitest) and dist/: the worker is always the built one.
const WORKER_URL = new URL('../../dist/exec/worker-entry.cjs', import.meta.url);

/** master 'local[N]': a piscina pool of N worker threads, one task per thread at a time. */
export class PoolRunner implements TaskRunner {
  private pool: Piscina | null = null;

  /**
   * @param heapMb each worker's V8 heap limit: a worker that exceeds it dies alone and its task is retried.
   * @param youngMb each worker's young generation (see workerYoungGenerationMb); V8's default when omitted.
   */
  constructor(
    readonly parallelism: number,
    private readonly heapMb: number,
    private readonly youngMb?: number,
  ) {}

  private get piscina(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER_URL.href,
      minThreads: this.parallelism,
      maxThreads: this.parallelism,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      maxQueue: 'auto',
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        ...(this.youngMb ? { maxYoungGenerationSizeMb: this.youngMb } : {}),
      },
    });
    if (this.pool.listenerCount('error') === 0) {
      // When a task is aborted (its job failed or was cancelled, or a speculative copy lost) just as its worker
      // replies, piscina reports the late reply as an 'error' event; with no listener that would crash the program.
      // Nobody waits for that reply any more, so it is dropped; anything else is surfaced as a warning.
      this.pool.on('error', (err: Error) => {
        if (!/^Unexpected message from Worker/.test(err?.message ?? '')) process.emitWarning(err);
      });
    }
    return this.pool;
  }

  run(task: TaskPayload, signal?: AbortSignal): Promise<TaskOutcome> {
    return this.piscina.run(task, signal ? { signal } : {}) as Promise<TaskOutcome>;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) await pool.destroy();
  }
}
