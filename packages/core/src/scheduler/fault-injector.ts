import type { MapOutputTracker } from './map-output-tracker.js';

/** What happens to a task attempt that a fault rule matches. */
export type TaskFault =
  | { kind: 'killWorker' }
  | { kind: 'delay'; ms: number }
  | { kind: 'fail'; message: string };

interface Rule {
  partition: number;
  attempt: number | null;
  stageId: number | null;
  fault: TaskFault;
  /** A rule for one attempt fires once; a rule for every attempt keeps firing. */
  remaining: number;
}

interface Where {
  partition: number;
  /** Only this attempt (0 is the first), once; every attempt, every time, when omitted. */
  attempt?: number;
  /** Only in this stage; any stage when omitted. */
  stageId?: number;
}

/**
 * Fault injection for tests (`context.faults`): kill the worker running a task, delay or fail a task, lose a
 * shuffle map output or a cached block. Each promise of the engine (retries, recompute from lineage) has a test
 * that injects the fault and checks the answer is still right.
 */
export class FaultInjector {
  private rules: Rule[] = [];

  constructor(
    private readonly mapOutputs: MapOutputTracker,
    private readonly evict: (rddId: number, partition: number) => boolean,
  ) {}

  private add(where: Where, fault: TaskFault): this {
    const attempt = where.attempt ?? null;
    this.rules.push({ partition: where.partition, attempt, stageId: where.stageId ?? null, fault, remaining: attempt === null ? Infinity : 1 });
    return this;
  }

  /** The worker thread running the matching task exits mid-task (inline mode: the task fails as if it had). */
  killWorker(where: Where): this {
    return this.add(where, { kind: 'killWorker' });
  }

  /** The matching task sleeps `ms` before it starts. */
  delayTask(where: Where & { ms: number }): this {
    return this.add(where, { kind: 'delay', ms: where.ms });
  }

  /** The matching task throws an error with `message`. */
  failTask(where: Where & { message?: string }): this {
    return this.add(where, { kind: 'fail', message: where.message ?? 'injected task failure' });
  }

  /**
   * Loses the output that map task `mapId` wrote for `shuffleId`, as if its file were deleted: the next task
   * reading it fails with a fetch failure, and the scheduler re-runs that map task from lineage.
   */
  loseShuffleOutput(shuffleId: number, mapId: number): boolean {
    return this.mapOutputs.markLost(shuffleId, mapId);
  }

  /** Drops a cached partition (memory and disk), as an eviction would. */
  evictCachedBlock(rddId: number, partition: number): boolean {
    return this.evict(rddId, partition);
  }

  clear(): void {
    this.rules = [];
  }

  /** @internal The fault for a task attempt about to be sent, if a rule matches. */
  taskFault(stageId: number, partition: number, attempt: number): TaskFault | undefined {
    for (const r of this.rules) {
      if (
        r.remaining > 0 &&
        r.partition === partition &&
        (r.attempt === null || r.attempt === attempt) &&
        (r.stageId === null || r.stageId === stageId)
      ) {
        r.remaining--;
        return r.fault;
      }
    }
    return undefined;
  }
}
