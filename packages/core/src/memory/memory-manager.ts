import { totalmem } from 'node:os';

/**
 * The engine's memory budget, shared by the driver and every worker thread: one counter of bytes in use, in
 * shared memory, updated with Atomics. Shuffle buffers, aggregation maps, sort buffers and cached blocks acquire
 * from it; whoever cannot acquire spills to disk (or, for cached blocks, evicts).
 */
export class MemoryManager {
  private readonly counters: Float64Array; // [budget, used] (Float64 so budgets above 2 GiB fit)
  private readonly lock: Int32Array;
  /** Running tasks that hold execution memory: each may take at most budget / active (Spark's fair share). */
  private readonly active: Int32Array;

  private constructor(readonly handle: SharedArrayBuffer) {
    this.counters = new Float64Array(handle, 0, 2);
    this.lock = new Int32Array(handle, 16, 1);
    this.active = new Int32Array(handle, 20, 1);
  }

  static create(budgetBytes: number): MemoryManager {
    const m = new MemoryManager(new SharedArrayBuffer(24));
    m.counters[0] = budgetBytes;
    return m;
  }

  /** The same counters, seen from another thread. */
  static attach(handle: SharedArrayBuffer): MemoryManager {
    return new MemoryManager(handle);
  }

  get budget(): number {
    return this.counters[0]!;
  }

  get used(): number {
    return this.counters[1]!;
  }

  private withLock<T>(fn: () => T): T {
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) Atomics.wait(this.lock, 0, 1, 1);
    try {
      return fn();
    } finally {
      Atomics.store(this.lock, 0, 0);
      Atomics.notify(this.lock, 0, 1);
    }
  }

  /** Takes `bytes` from the budget if they fit; false means: spill, evict or stream instead. */
  tryAcquire(bytes: number): boolean {
    return this.tryAcquireBelow(bytes, 1);
  }

  /** Takes `bytes` only if the budget stays used to at most `fraction` of it (keeps the rest for execution). */
  tryAcquireBelow(bytes: number, fraction: number): boolean {
    return this.withLock(() => {
      if (this.counters[1]! + bytes > this.counters[0]! * fraction) return false;
      this.counters[1]! += bytes;
      return true;
    });
  }

  release(bytes: number): void {
    this.withLock(() => {
      this.counters[1] = Math.max(0, this.counters[1]! - bytes);
    });
  }

  /** Tasks currently registered for execution memory. */
  get activeTasks(): number {
    return Atomics.load(this.active, 0);
  }

  // Execution memory of one task attempt is booked in a ledger (a small SharedArrayBuffer made by the driver, see
  // task-memory.ts): what the task holds, and whether it is open. Whoever closes the ledger first — the task when it
  // ends, or the driver when the task's thread died — gives back what it holds, so nothing leaks and nothing is
  // given back twice.

  /** Registers a task attempt; from now on it counts in the fair share. */
  openTask(ledger: SharedArrayBuffer): void {
    const l = ledgerView(ledger);
    this.withLock(() => {
      if (l.state[0] !== LEDGER_FRESH) return;
      l.state[0] = LEDGER_OPEN;
      Atomics.add(this.active, 0, 1);
    });
  }

  /**
   * Takes `bytes` for a task if they fit in the budget and in the task's fair share (budget / running tasks);
   * false means: spill.
   */
  tryAcquireForTask(ledger: SharedArrayBuffer, bytes: number): boolean {
    const l = ledgerView(ledger);
    return this.withLock(() => {
      if (l.state[0] !== LEDGER_OPEN) return false;
      const share = this.counters[0]! / Math.max(1, Atomics.load(this.active, 0));
      if (l.held[0]! + bytes > share || this.counters[1]! + bytes > this.counters[0]!) return false;
      this.counters[1]! += bytes;
      l.held[0]! += bytes;
      return true;
    });
  }

  releaseForTask(ledger: SharedArrayBuffer, bytes: number): void {
    const l = ledgerView(ledger);
    this.withLock(() => {
      const b = Math.min(bytes, l.held[0]!);
      l.held[0]! -= b;
      this.counters[1] = Math.max(0, this.counters[1]! - b);
    });
  }

  /** Ends a task attempt: gives back all it holds. Idempotent; returns the bytes given back. */
  closeTask(ledger: SharedArrayBuffer): number {
    const l = ledgerView(ledger);
    return this.withLock(() => {
      if (l.state[0] === LEDGER_OPEN) Atomics.sub(this.active, 0, 1);
      l.state[0] = LEDGER_CLOSED;
      const b = l.held[0]!;
      l.held[0] = 0;
      this.counters[1] = Math.max(0, this.counters[1]! - b);
      return b;
    });
  }
}

const LEDGER_FRESH = 0;
const LEDGER_OPEN = 1;
const LEDGER_CLOSED = 2;

/** A new ledger for one task attempt: [held bytes: f64][state: i32]. */
export function newTaskLedger(): SharedArrayBuffer {
  return new SharedArrayBuffer(16);
}

/** Bytes a ledger holds (for tests and diagnostics). */
export function ledgerHeld(ledger: SharedArrayBuffer): number {
  return ledgerView(ledger).held[0]!;
}

function ledgerView(ledger: SharedArrayBuffer): { held: Float64Array; state: Int32Array } {
  return { held: new Float64Array(ledger, 0, 1), state: new Int32Array(ledger, 8, 1) };
}

/** Default budget: 40% of the machine's memory, at most 8 GiB. */
export function defaultMemoryBudget(): number {
  return Math.min(Math.floor(totalmem() * 0.4), 8 * 1024 ** 3);
}

/** Parses 32mb, 1.5g, 4096 (bytes), ... */
export function parseBytes(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(v);
  if (!m) throw new TypeError(`cannot read '${v}' as a size; write e.g. 512mb or 2g`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.floor(Number(m[1]) * mult);
}

/**
 * The young generation of each worker's V8 heap, sized to a task's share of the budget: a quarter of the share per
 * semi-space, at least 2 MiB, times three (two semi-spaces and the new large-object space). With a small budget the
 * heap then stays small too; a share of 64 MiB or more keeps V8's default (undefined: no limit is set). Measured on
 * 512 MB inputs under a 32 MB budget (share 16 MB): V8's default 16 MiB semi-spaces peak at ~390–410 MiB RSS, a
 * quarter (4 MiB) at ~280–330 MiB; an eighth (2 MiB) helps the sort a little but makes the word count promote so
 * much to the old generation that it peaks at ~500–560 MiB.
 */
export function workerYoungGenerationMb(budgetBytes: number, threads: number): number | undefined {
  const share = budgetBytes / Math.max(1, threads) / 2 ** 20;
  const semi = Math.max(2, Math.floor(share / 4));
  return semi < 16 ? 3 * semi : undefined;
}
