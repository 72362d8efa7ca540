import * as arrow from 'apache-arrow';
import { StringTable } from './hash-agg/string-table.js';
import { utf8FormOf, type Utf8Form } from './hash-join/take.js';
import { fromRecordBatch, toRecordBatch } from './columnar-batch.js';
import { isExactField } from './exact-decimal-ipc.js';

// Cached DataFrames keep repetitive string columns dictionary-encoded: a column's strings become Int32 codes into a
// dictionary of its distinct values. Every later query reads the codes (group-by and join keys look each distinct
// string up once instead of once per row) and decodes a string once per distinct value.
//
// The dictionary belongs to the partition's block, not to each batch: a block is one Arrow IPC stream of the
// partition's batches, written when the block is complete, so its one dictionary per column comes first, whole, and
// every batch refers to it (delta dictionary batches would make Arrow's reader build a memoizing vector of the whole
// dictionary so far for every batch, ~100,000 slots each for id3 at 1e7). A column like h2o's id3 at
// 1e7 rows (100,000 values, ~48,000 of them in every 65,536-row batch) gains nothing from per-batch dictionaries,
// but ~6 rows per entry over a partition. A column stays encoded while its strings keep repeating: a block's
// first batch may bring up to 90% new strings (a fresh dictionary), later ones 75%; past that (ids, nearly unique
// values) the block ends and the column is plain for the rest of the partition.

const MIN_ROWS = 1024;
const FIRST_NEW = 0.9;
const LATER_NEW = 0.75;
/** Rows per block: bounds a block's dictionaries and the copy made when its bytes are joined. */
const MAX_BLOCK_ROWS = 1 << 20;
const MAX_ENTRIES = 1 << 24;

/** One string column's dictionary for one block: the distinct strings of its batches so far. */
class BlockDictionary {
  readonly type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  private readonly t = new StringTable();

  /** Codes of the rows (0 for NULL rows), or null when too many of them bring a new string. */
  encode(f: Utf8Form, n: number, first: boolean): Int32Array | null {
    const t = this.t;
    const base = t.size;
    // A small batch (a partition's last) cannot cost much: it never ends the dictionary.
    const limit = base + (n < MIN_ROWS && !first ? n : Math.floor(n * (first ? FIRST_NEW : LATER_NEW)));
    if (limit > MAX_ENTRIES) return null;
    const { offsets, bytes, indices, nulls } = f;
    const codes = new Int32Array(n);
    // Dictionary input (the CSV reader's, another block's): each entry is looked up once, when a row first uses it.
    const map = indices === null ? null : new Int32Array(offsets.length - 1).fill(-1);
    for (let r = 0; r < n; r++) {
      if (nulls !== null && nulls[r] === 1) continue;
      let c: number;
      if (map === null) c = t.lookup(bytes, offsets[r]!, offsets[r + 1]!);
      else {
        const e = indices![r]!;
        c = map[e]!;
        if (c < 0) c = map[e] = t.lookup(bytes, offsets[e]!, offsets[e + 1]!);
      }
      if (c >= limit) return null;
      codes[r] = c;
    }
    return codes;
  }

  /** The dictionary of the block's strings. */
  vector(): arrow.Vector {
    const { size, starts, arena } = this.t;
    const valueOffsets = starts.slice(0, size + 1);
    const data = arena.slice(0, starts[size]!);
    return new arrow.Vector([arrow.makeData({ type: new arrow.Utf8(), length: size, nullCount: 0, valueOffsets, data })]);
  }
}

/** What a non-dictionary column's Arrow type must stay within one stream (a dictionary's id is part of it). */
function signature(t: arrow.DataType): string {
  return arrow.DataType.isDictionary(t) ? `${t}#${t.id}` : String(t);
}

/** One block being built: an IPC stream whose schema is fixed by its first batch, written when it is complete. */
class BlockStream {
  private readonly schema: arrow.Schema;
  /** The batches so far, dictionary columns as their codes (the dictionaries are attached when writing). */
  private readonly batches: { n: number; children: arrow.Data[] }[] = [];
  private readonly dicts: (BlockDictionary | null)[];
  private readonly layout: string[];
  rows = 0;

  constructor(rb: arrow.RecordBatch, plain: Set<number>) {
    const n = rb.numRows;
    this.dicts = rb.schema.fields.map((_, i) => {
      const d = rb.getChildAt(i)!.data[0];
      return n >= MIN_ROWS && !plain.has(i) && d && utf8FormOf(d, n) ? new BlockDictionary() : null;
    });
    const fields = rb.schema.fields.map((f, i) => (this.dicts[i] ? new arrow.Field(f.name, this.dicts[i]!.type, true, f.metadata) : f));
    this.schema = new arrow.Schema(fields, rb.schema.metadata);
    this.layout = fields.map((f) => signature(f.type));
  }

  /**
   * Writes the batch into this block, or returns false when it does not fit: a column's type differs from the
   * block's, or its dictionary gave up (that column is then added to `plain`).
   */
  add(rb: arrow.RecordBatch, plain: Set<number>): boolean {
    const n = rb.numRows;
    const children: arrow.Data[] = [];
    for (let i = 0; i < this.dicts.length; i++) {
      const d = rb.getChildAt(i)!.data[0] ?? arrow.makeData({ type: rb.schema.fields[i]!.type, length: n });
      const dict = this.dicts[i];
      if (!dict) {
        if (signature(d.type) !== this.layout[i]) return false;
        children.push(d);
        continue;
      }
      const f = utf8FormOf(d, n);
      if (!f) return false;
      const codes = dict.encode(f, n, this.rows === 0);
      if (!codes) {
        plain.add(i);
        return false;
      }
      const nullCount = f.nulls ? d.nullCount : 0;
      children.push(arrow.makeData({ type: new arrow.Int32(), length: n, nullCount, nullBitmap: nullCount > 0 ? d.nullBitmap : undefined, data: codes }));
    }
    this.batches.push({ n, children });
    this.rows += n;
    return true;
  }

  finish(): Uint8Array {
    const dictionaries = this.dicts.map((d) => d && d.vector());
    const struct = new arrow.Struct(this.schema.fields);
    const writer = new arrow.RecordBatchStreamWriter();
    for (const { n, children } of this.batches) {
      const cols = children.map((c, i) => {
        const d = this.dicts[i];
        if (!d) return c;
        return arrow.makeData({ type: d.type, length: n, nullCount: c.nullCount, nullBitmap: c.nullBitmap, data: c.values as Int32Array, dictionary: dictionaries[i]! });
      });
      writer.write(new arrow.RecordBatch(this.schema, arrow.makeData({ type: struct, length: n, nullCount: 0, children: cols })));
    }
    writer.finish();
    return writer.toUint8Array(true);
  }
}

/**
 * The blocks a cached partition stores for its batches (in order): IPC streams of up to MAX_BLOCK_ROWS rows, their
 * repetitive string columns dictionary-encoded with one dictionary per column and block.
 */
export function* cacheBlocks(batches: Iterable<arrow.RecordBatch>): Generator<Uint8Array> {
  const plain = new Set<number>();
  let stream: BlockStream | null = null;
  let empty: arrow.RecordBatch | null = null;
  for (const rb of batches) {
    // An empty batch would fix a block's schema without dictionaries: kept only if the partition has no rows.
    if (rb.numRows === 0 && !stream) {
      empty ??= rb;
      continue;
    }
    if (stream && stream.rows > 0 && stream.rows + rb.numRows > MAX_BLOCK_ROWS) {
      yield stream.finish();
      stream = null;
    }
    // A fresh stream takes the batch unless a dictionary gives up; each give-up makes one more column plain.
    for (;;) {
      stream ??= new BlockStream(rb, plain);
      if (stream.add(rb, plain)) break;
      if (stream.rows > 0) yield stream.finish();
      stream = null;
    }
  }
  if (stream) yield stream.finish();
  else if (empty) yield arrow.RecordBatchStreamWriter.writeAll([empty]).toUint8Array(true);
}

/** The batch with dictionary columns decoded back to plain ones and exact decimals as Decimal128 (for writers and toArrow()). */
export function plainBatch(rb: arrow.RecordBatch): arrow.RecordBatch {
  if (!rb.schema.fields.some((f) => arrow.DataType.isDictionary(f.type) || isExactField(f))) return rb;
  const b = fromRecordBatch(rb);
  // Dictionary columns go out through their values (their Arrow data would pass through as it is).
  return toRecordBatch({ ...b, arrow: b.arrow?.map((d) => (d && d.typeId === arrow.Type.Dictionary ? undefined : d)) }, true);
}
