import { mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryManager } from '../memory/memory-manager.js';
import type { StorageLevel } from './storage-level.js';

/** Where a cached partition can be read from, as sent to tasks. */
export interface CachedBlockRef {
  buffer?: SharedArrayBuffer;
  path?: string;
  records: number;
}

interface Block {
  level: StorageLevel;
  buffer: SharedArrayBuffer | null;
  path: string | null;
  size: number;
  records: number;
  lastUsed: number;
}

const key = (rddId: number, partition: number) => `${rddId}:${partition}`;

/**
 * The driver's store of cached partitions (serialized records). Memory blocks count against the engine's budget;
 * when a new block does not fit, least-recently-used blocks of other RDDs are evicted: MEMORY_AND_DISK blocks move
 * to disk, MEMORY_ONLY blocks are dropped and recomputed from lineage when next needed.
 */
export class BlockManager {
  private readonly blocks = new Map<string, Block>();
  /** Keys that were cached once and then lost: computing them again counts as a recomputation. */
  private readonly lost = new Set<string>();
  private clock = 0;

  constructor(
    private readonly memory: MemoryManager,
    private readonly dir: string,
  ) {}

  /** Stores a partition computed by a task; returns whether it was a recomputation of a lost block. */
  put(rddId: number, partition: number, level: StorageLevel, buffer: SharedArrayBuffer, records: number): boolean {
    const k = key(rddId, partition);
    const wasLost = this.lost.delete(k);
    if (this.blocks.has(k)) return wasLost; // another attempt (speculation) stored it first
    const size = buffer.byteLength;
    const block: Block = { level, buffer: null, path: null, size, records, lastUsed: ++this.clock };
    if (level.useMemory && this.reserve(size, rddId)) block.buffer = buffer;
    else if (level.useDisk) block.path = this.writeToDisk(k, buffer);
    else return wasLost; // MEMORY_ONLY that does not fit: not cached, recomputed when needed (as Spark)
    this.blocks.set(k, block);
    return wasLost;
  }

  /** Makes room for `size` bytes by evicting least-recently-used blocks of other RDDs. */
  private reserve(size: number, forRdd: number): boolean {
    if (this.memory.tryAcquire(size)) return true;
    const candidates = [...this.blocks.entries()]
      .filter(([k, b]) => b.buffer && !k.startsWith(`${forRdd}:`))
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [k, b] of candidates) {
      this.dropFromMemory(k, b);
      if (this.memory.tryAcquire(size)) return true;
    }
    return false;
  }

  private dropFromMemory(k: string, b: Block): void {
    if (!b.buffer) return;
    if (b.level.useDisk && !b.path) b.path = this.writeToDisk(k, b.buffer);
    this.memory.release(b.size);
    b.buffer = null;
    if (!b.path) {
      this.blocks.delete(k);
      this.lost.add(k);
    }
  }

  private writeToDisk(k: string, buffer: SharedArrayBuffer): string {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `rdd_${k.replace(':', '_')}`);
    writeFileSync(`${path}.tmp`, new Uint8Array(buffer));
    renameSync(`${path}.tmp`, path);
    return path;
  }

  get(rddId: number, partition: number): CachedBlockRef | undefined {
    const b = this.blocks.get(key(rddId, partition));
    if (!b) return undefined;
    b.lastUsed = ++this.clock;
    return b.buffer ? { buffer: b.buffer, records: b.records } : { path: b.path!, records: b.records };
  }

  /** Whether every partition of the RDD is cached, so its lineage need not run. */
  hasAll(rddId: number, numPartitions: number): boolean {
    for (let p = 0; p < numPartitions; p++) if (!this.blocks.has(key(rddId, p))) return false;
    return true;
  }

  /** Drops one block from memory and disk (fault injection); it is recomputed from lineage when needed. */
  evict(rddId: number, partition: number): boolean {
    const k = key(rddId, partition);
    const b = this.blocks.get(k);
    if (!b) return false;
    this.remove(k, b);
    this.lost.add(k);
    return true;
  }

  private remove(k: string, b: Block): void {
    if (b.buffer) this.memory.release(b.size);
    if (b.path) rmSync(b.path, { force: true });
    this.blocks.delete(k);
  }

  /** unpersist: drops every block of the RDD. */
  removeRdd(rddId: number): void {
    for (const [k, b] of [...this.blocks]) if (k.startsWith(`${rddId}:`)) this.remove(k, b);
    for (const k of [...this.lost]) if (k.startsWith(`${rddId}:`)) this.lost.delete(k);
  }

  /** Cached partitions of an RDD with their sizes in memory and on disk (for toDebugString). */
  info(rddId: number): { partitions: number; memorySize: number; diskSize: number } {
    let partitions = 0;
    let memorySize = 0;
    let diskSize = 0;
    for (const [k, b] of this.blocks) {
      if (!k.startsWith(`${rddId}:`)) continue;
      partitions++;
      if (b.buffer) memorySize += b.size;
      else diskSize += b.size;
    }
    return { partitions, memorySize, diskSize };
  }

  clear(): void {
    for (const [k, b] of [...this.blocks]) this.remove(k, b);
    this.lost.clear();
  }
}

/** Reads a cached block's serialized records (from shared memory or its file). Undefined if the file is gone. */
export function readCachedBytes(ref: CachedBlockRef): Uint8Array | undefined {
  if (ref.buffer) return new Uint8Array(ref.buffer);
  try {
    return readFileSync(ref.path!);
  } catch {
    return undefined;
  }
}
