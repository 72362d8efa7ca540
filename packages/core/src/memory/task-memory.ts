import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryManager, newTaskLedger } from './memory-manager.js';

/**
 * What the driver makes for each task attempt: the ledger that books the attempt's execution memory, and the
 * attempt's own scratch directory (spill runs) under the context's local directory. After the attempt ends —
 * normally, by an error, or because its worker thread died — the driver calls `reclaimTaskScratch`, which gives
 * back whatever the attempt still holds and removes its scratch directory.
 */
export interface TaskScratch {
  ledger: SharedArrayBuffer;
  dir: string;
}

let nextScratch = 0;

export function newTaskScratch(localDir: string, stageId: number, partition: number, attempt: number): TaskScratch {
  return { ledger: newTaskLedger(), dir: join(localDir, 'tasks', `s${stageId}-p${partition}-a${attempt}-${nextScratch++}`) };
}

export function reclaimTaskScratch(budget: SharedArrayBuffer, scratch: TaskScratch): void {
  MemoryManager.attach(budget).closeTask(scratch.ledger);
  rmSync(scratch.dir, { recursive: true, force: true });
}

/** The execution memory and scratch files of one running task. Closed when the task ends, however it ends. */
export class TaskMemory {
  private files = 0;
  private dirMade = false;
  private closed = false;
  /** Bytes this task holds now, and the most it held at once. */
  held = 0;
  peak = 0;
  /** The smallest buffer worth spilling: below it a buffer grows without a reservation (see `Reservation`). */
  readonly floor: number;

  constructor(
    readonly manager: MemoryManager,
    private readonly scratch: TaskScratch,
  ) {
    manager.openTask(scratch.ledger);
    this.floor = Math.max(64 << 10, Math.min(1 << 20, Math.floor(manager.budget / 32)));
  }

  acquire(bytes: number): boolean {
    if (bytes <= 0) return true;
    if (!this.manager.tryAcquireForTask(this.scratch.ledger, bytes)) return false;
    this.held += bytes;
    if (this.held > this.peak) this.peak = this.held;
    return true;
  }

  release(bytes: number): void {
    const b = Math.min(bytes, this.held);
    if (b <= 0) return;
    this.held -= b;
    this.manager.releaseForTask(this.scratch.ledger, b);
  }

  /** A new file name in the task's scratch directory (created on first use). */
  spillPath(tag: string): string {
    if (!this.dirMade) {
      mkdirSync(this.scratch.dir, { recursive: true });
      this.dirMade = true;
    }
    return join(this.scratch.dir, `${tag}-${this.files++}.run`);
  }

  /** Gives back all memory and removes the scratch directory. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = 0;
    this.manager.closeTask(this.scratch.ledger);
    if (this.dirMade) rmSync(this.scratch.dir, { recursive: true, force: true });
  }
}

/**
 * The memory one buffer (a hash map, a sort buffer, shuffle frames) reserves from its task, grown in steps as the
 * buffer's estimated size grows. `fits(estimate)` says whether the buffer may keep growing; false means: spill,
 * then `releaseAll()`.
 */
export class Reservation {
  reserved = 0;

  constructor(private readonly tm: TaskMemory) {}

  fits(estimate: number): boolean {
    if (estimate <= this.reserved) return true;
    const need = estimate - this.reserved;
    // Grow geometrically so a growing buffer asks rarely; fall back to exactly what is missing.
    const step = Math.max(need, 1 << 20, Math.floor(this.reserved / 2));
    if (this.tm.acquire(step)) {
      this.reserved += step;
      return true;
    }
    if (step > need && this.tm.acquire(need)) {
      this.reserved += need;
      return true;
    }
    // Spilling a tiny buffer would only make many tiny runs: below the floor, keep going unreserved.
    return estimate <= this.tm.floor;
  }

  releaseAll(): void {
    this.tm.release(this.reserved);
    this.reserved = 0;
  }
}
