import * as arrow from 'apache-arrow';

// A string dictionary may come in chunks that grow batch by batch: the final aggregate's shipped partial keys (one
// dictionary per map output, each chunk adding a delta), or Arrow IPC delta dictionary batches (the reader hands
// batch k a dictionary vector of chunks 0..k). Readers that want the entries as one flat UTF-8 array (hash keys,
// gathers) get them here, built once per dictionary and extended by each delta, instead of once per batch.

/** A string dictionary's entries as one UTF-8 array; `key` is its identity (its first chunk), the same for deltas. */
export interface FlatDictionary {
  offsets: Int32Array;
  bytes: Uint8Array;
  size: number;
  key: object;
}

const flats = new WeakMap<object, { flat: FlatDictionary; chunks: number }>();

function plainUtf8(d: arrow.Data): boolean {
  return d.typeId === arrow.Type.Utf8 && d.offset === 0 && d.nullCount === 0;
}

/**
 * The entries of the dictionary of `d` (a Dictionary column's data) as one UTF-8 array, or null when the
 * dictionary is not plain UTF-8 chunks without nulls.
 */
export function dictionaryUtf8(d: arrow.Data): FlatDictionary | null {
  const chunks = (d as arrow.Data<arrow.Dictionary>).dictionary?.data;
  if (!chunks || chunks.length === 0 || !chunks.every(plainUtf8)) return null;
  const first = chunks[0]!;
  if (chunks.length === 1) {
    return { offsets: first.valueOffsets as Int32Array, bytes: (first.values as Uint8Array) ?? new Uint8Array(0), size: first.length, key: first };
  }
  let got = flats.get(first);
  // A batch read after a later one of its block has fewer chunks: the longer flat form holds its entries too.
  if (got && got.chunks >= chunks.length) return got.flat;
  got ??= { flat: { offsets: new Int32Array(1), bytes: new Uint8Array(0), size: 0, key: first }, chunks: 0 };
  got = { flat: append(got.flat, chunks.slice(got.chunks)), chunks: chunks.length };
  flats.set(first, got);
  return got.flat;
}

/** The flat dictionary with more chunks appended (arrays grown by doubling: a delta's cost is its own size). */
function append(f: FlatDictionary, more: arrow.Data[]): FlatDictionary {
  let size = f.size;
  let used = f.offsets[size]!;
  const addEntries = more.reduce((s, c) => s + c.length, 0);
  const addBytes = more.reduce((s, c) => s + ((c.valueOffsets as Int32Array)[c.length]! - (c.valueOffsets as Int32Array)[0]!), 0);
  let offsets = f.offsets;
  let bytes = f.bytes;
  if (size + addEntries + 1 > offsets.length) {
    offsets = new Int32Array(Math.max(size + addEntries + 1, offsets.length * 2));
    offsets.set(f.offsets.subarray(0, size + 1));
  }
  if (used + addBytes > bytes.length) {
    bytes = new Uint8Array(Math.max(used + addBytes, bytes.length * 2));
    bytes.set(f.bytes.subarray(0, used));
  }
  for (const c of more) {
    const o = c.valueOffsets as Int32Array;
    const v = (c.values as Uint8Array) ?? new Uint8Array(0);
    const base = used - o[0]!;
    for (let i = 1; i <= c.length; i++) offsets[size + i] = o[i]! + base;
    bytes.set(v.subarray(o[0]!, o[c.length]!), used);
    size += c.length;
    used = offsets[size]!;
  }
  return { offsets, bytes, size, key: f.key };
}
