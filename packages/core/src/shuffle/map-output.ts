import { rmSync } from 'node:fs';
import { MemoryManager } from '../memory/memory-manager.js';

/**
 * What one map task wrote for one shuffle: one block per reduce partition, each a sequence of frames (see
 * frames.ts), laid out one after another with an offset index (Spark's sort-shuffle data file plus its index).
 * When it fits in the memory budget the output is a SharedArrayBuffer, so handing it to the driver and then to
 * every reduce task copies nothing; otherwise (or when the map task spilled) it is a file under the context's
 * local directory, and reduce tasks read their byte ranges from it.
 */
export interface MapOutput {
  /** The blocks in shared memory, or null when they are in `file`. */
  buffer: SharedArrayBuffer | null;
  /** The blocks on disk. */
  file?: string;
  /** offsets[r] .. offsets[r + 1] is the block of reduce partition r. */
  offsets: number[];
  /** Records per reduce partition. */
  records: number[];
  /** Set when the output is known to be gone (fault injection, a deleted file): readers fail with FETCH_FAILED. */
  lost?: boolean;
  /** Set by the tracker when registered; tells a stale fetch failure from one about the current output. */
  epoch?: number;
  /** Bytes of the memory budget the in-memory buffer holds, given back by `disposeMapOutput`. */
  reserved?: number;
  /** The budget's handle (see MemoryManager.attach). */
  budget?: SharedArrayBuffer;
}

/** One block a reduce task reads: a byte range of a map output, in memory or in a file. */
export interface BlockRef {
  buffer: SharedArrayBuffer | null;
  file?: string;
  offset: number;
  length: number;
  records: number;
  /** Which output it belongs to, to report a missing file as a fetch failure. */
  shuffleId?: number;
  mapId?: number;
  epoch?: number;
}

export function blockOf(out: MapOutput, reduceId: number, shuffleId?: number, mapId?: number): BlockRef {
  const offset = out.offsets[reduceId]!;
  const block: BlockRef = { buffer: out.buffer, offset, length: out.offsets[reduceId + 1]! - offset, records: out.records[reduceId]! };
  if (out.file) block.file = out.file;
  if (shuffleId !== undefined) block.shuffleId = shuffleId;
  if (mapId !== undefined) block.mapId = mapId;
  if (out.epoch !== undefined) block.epoch = out.epoch;
  return block;
}

/** Packs blocks (each a list of byte pieces) into one SharedArrayBuffer. */
export function packBlocks(blocks: Uint8Array[][], records: number[]): MapOutput {
  let total = 0;
  for (const b of blocks) for (const piece of b) total += piece.length;
  const buffer = new SharedArrayBuffer(total);
  const view = new Uint8Array(buffer);
  const offsets = [0];
  let pos = 0;
  for (const b of blocks) {
    for (const piece of b) {
      view.set(piece, pos);
      pos += piece.length;
    }
    offsets.push(pos);
  }
  return { buffer, offsets, records };
}

/** Bytes the output occupies (in memory or on disk). */
export function mapOutputBytes(out: MapOutput): number {
  return out.offsets[out.offsets.length - 1] ?? 0;
}

/**
 * Frees a map output the driver no longer needs: gives its memory back to the budget and deletes its file.
 * Idempotent. Tasks still reading it keep their view (shared memory stays alive while referenced; an open file
 * stays readable after it is unlinked).
 */
export function disposeMapOutput(out: MapOutput): void {
  if (out.reserved && out.budget) MemoryManager.attach(out.budget).release(out.reserved);
  out.reserved = 0;
  if (out.file) rmSync(out.file, { force: true });
}
