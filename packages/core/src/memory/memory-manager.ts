import { totalmem } from 'node:os';

/**
 * The engine's memory budget, shared by the driver and every worker thread: one counter of bytes in use, in
 * shared memory, updated with Atomics. Shuffle buffers, aggregation maps, sort buffers and cached blocks acquire
 * from it; whoever cannot acquire spills to disk (or, for cached blocks, evicts).
 */
export class MemoryManager {
  private readonly counters: Float64Array; // [budget, used] (Float64 so budgets above 2 GiB fit)
  private readonly lock: Int32Array;

  private constructor(readonly handle: SharedArrayBuffer) {
    this.counters = new Float64Array(handle, 0, 2);
    this.lock = new Int32Array(handle, 16, 1);
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
    return this.withLock(() => {
      if (this.counters[1]! + bytes > this.counters[0]!) return false;
      this.counters[1]! += bytes;
      return true;
    });
  }

  release(bytes: number): void {
    this.withLock(() => {
      this.counters[1] = Math.max(0, this.counters[1]! - bytes);
    });
  }
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
