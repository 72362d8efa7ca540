/**
 * What one map task wrote for one shuffle: a single buffer holding one serialized block per reduce partition
 * (like Spark's sort-shuffle data file plus its index). The buffer is shared memory, so handing it to the driver
 * and then to every reduce task copies nothing.
 */
export interface MapOutput {
  buffer: SharedArrayBuffer;
  /** offsets[r] .. offsets[r + 1] is the block of reduce partition r. */
  offsets: number[];
  /** Records per reduce partition. */
  records: number[];
  /** Set when the output is known to be gone (fault injection, a deleted file): readers fail with FETCH_FAILED. */
  lost?: boolean;
  /** Set by the tracker when registered; tells a stale fetch failure from one about the current output. */
  epoch?: number;
}

/** One block a reduce task reads: a byte range of a map output. */
export interface BlockRef {
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
  records: number;
}

export function blockOf(out: MapOutput, reduceId: number): BlockRef {
  const offset = out.offsets[reduceId]!;
  return { buffer: out.buffer, offset, length: out.offsets[reduceId + 1]! - offset, records: out.records[reduceId]! };
}

export function packBlocks(blocks: Uint8Array[], records: number[]): MapOutput {
  let total = 0;
  for (const b of blocks) total += b.length;
  const buffer = new SharedArrayBuffer(total);
  const view = new Uint8Array(buffer);
  const offsets = [0];
  let pos = 0;
  for (const b of blocks) {
    view.set(b, pos);
    pos += b.length;
    offsets.push(pos);
  }
  return { buffer, offsets, records };
}
