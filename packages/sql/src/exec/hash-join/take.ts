import * as arrow from 'apache-arrow';
import { arrowDataOf, dictionaryVec, rowsAsDictionary, unpackNulls, utf8DictionaryValues, utf8Vec, withCodes } from '../../eval/arrow-convert.js';
import { exactDecimalVec, exactOf } from '../../eval/exact-decimal.js';
import type { Vec } from '../../eval/vec.js';
import { StringType } from '../../types/data-types.js';
import { parseType } from '../../types/parse-type.js';
import { computedColumn, defineLazy, lazyColumns, lazyNotes, type ColumnarBatch } from '../columnar-batch.js';
import { dictionaryUtf8 } from '../dictionary-view.js';
import { buildVec, concatVecs, gather, gatherOrNull } from '../vec-ops.js';

/**
 * Column gathers for filters, join output and shuffle buckets by row index vectors. String columns still in their
 * Arrow form are copied as bytes (plain UTF-8) or as codes into the same dictionary (the dictionary a cached table
 * keeps), so a string that is only passed through an operator never becomes a JS string, and a group-by key
 * downstream of a filter or join still hashes a dictionary's codes.
 */

/**
 * A string column's UTF-8 bytes: per row [offsets[i], offsets[i+1]) of `bytes`, or of dictionary entry indices[i]
 * (then `dict` is the column's Arrow dictionary data, with `size` entries, when its codes can be passed on as they
 * are: a dictionary of one chunk; a dictionary grown by chunks is read through its flat form, `dict` null).
 */
export interface Utf8Form {
  offsets: Int32Array;
  bytes: Uint8Array;
  indices: Int32Array | null;
  nulls: Uint8Array | null;
  dict: arrow.Data | null;
  size: number;
}

/** The UTF-8 form of n rows of Arrow string data (plain, or a dictionary of plain strings), or null. */
export function utf8FormOf(d: arrow.Data, n: number): Utf8Form | null {
  if (d.offset !== 0 || d.length !== n) return null;
  if (d.typeId === arrow.Type.Utf8) {
    return { offsets: d.valueOffsets as Int32Array, bytes: (d.values as Uint8Array) ?? new Uint8Array(0), indices: null, nulls: unpackNulls(d), dict: null, size: 0 };
  }
  const dd = utf8DictionaryValues(d);
  if (dd !== null) {
    const bytes = (dd.values as Uint8Array) ?? new Uint8Array(0);
    return { offsets: dd.valueOffsets as Int32Array, bytes, indices: d.values as Int32Array, nulls: unpackNulls(d), dict: d, size: dd.length };
  }
  if (d.typeId === arrow.Type.Dictionary && d.values instanceof Int32Array) {
    const flat = dictionaryUtf8(d);
    return flat && { offsets: flat.offsets, bytes: flat.bytes, indices: d.values, nulls: unpackNulls(d), dict: null, size: 0 };
  }
  return null;
}

/** A plain UTF-8 column's form as a dictionary of its rows (codes = row indices, `indices` null; see rowsAsDictionary). */
function plainAsDictionary(b: ColumnarBatch, c: number, f: Utf8Form): Utf8Form {
  return { ...f, dict: rowsAsDictionary(b.arrow![c]!), size: b.length };
}

/** The type of a string column in Arrow form, without reading the column (that would decode its strings). */
function stringTypeOf(b: ColumnarBatch, c: number): Vec['type'] {
  return computedColumn(b.columns, c)?.type ?? StringType;
}

/**
 * Rows idx[0..n) of a dictionary column (-1: a NULL row): the codes gathered, the dictionary shared. Without
 * `indices` (a plain column as the dictionary of its rows) a row's code is its index.
 */
function takeCodes(f: Utf8Form, type: Vec['type'], idx: Int32Array, n: number): Vec {
  const src = f.indices;
  const sn = f.nulls;
  const codes = new Int32Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    if (r < 0 || (sn !== null && sn[r] === 1)) (nulls ??= new Uint8Array(n))[i] = 1;
    else codes[i] = src === null ? r : src[r]!;
  }
  return dictionaryVec(type, withCodes(f.dict!, codes, nulls), nulls);
}

function utf8Form(b: ColumnarBatch, c: number): Utf8Form | null {
  const d = b.arrow?.[c];
  return d ? utf8FormOf(d, b.length) : null;
}

/** Rows idx[0..n) of a string column's bytes (-1: a NULL row) as a new string Vec in Arrow form. */
function takeUtf8(f: Utf8Form, type: Vec['type'], idx: Int32Array, n: number): Vec {
  const { offsets: so, bytes: sb, indices, nulls: sn } = f;
  const offsets = new Int32Array(n + 1);
  let nulls: Uint8Array | null = null;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    if (r < 0 || (sn !== null && sn[r] === 1)) (nulls ??= new Uint8Array(n))[i] = 1;
    else {
      const e = indices === null ? r : indices[r]!;
      total += so[e + 1]! - so[e]!;
    }
    offsets[i + 1] = total;
  }
  const bytes = new Uint8Array(total);
  for (let i = 0; i < n; i++) {
    let at = offsets[i]!;
    const end = offsets[i + 1]!;
    if (at === end) continue;
    const r = idx[i]!;
    const e = indices === null ? r : indices[r]!;
    let s = so[e]!;
    if (end - at > 32) bytes.set(sb.subarray(s, s + end - at), at);
    else while (at < end) bytes[at++] = sb[s++]!;
  }
  return utf8Vec(type, offsets, bytes, nulls);
}

// One loop per value array type, so that each stays monomorphic (a shared loop over every typed array kind is
// several times slower). Index -1 leaves the slot at 0 (its null flag is set by the caller).
function takeF64(src: Float64Array, idx: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    if (r >= 0) out[i] = src[r]!;
  }
  return out;
}
function takeI32(src: Int32Array, idx: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    if (r >= 0) out[i] = src[r]!;
  }
  return out;
}
function takeI64(src: BigInt64Array, idx: Int32Array, n: number): BigInt64Array {
  const out = new BigInt64Array(n);
  const o = new Int32Array(out.buffer);
  const w = new Int32Array(src.buffer, src.byteOffset, src.length * 2);
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    if (r >= 0) (o[2 * i] = w[2 * r]!), (o[2 * i + 1] = w[2 * r + 1]!);
  }
  return out;
}

/** The null mask at rows idx[0..n) (-1 rows null), or null when no row is. */
function takeNulls(nulls: Uint8Array | null, idx: Int32Array, n: number, mayMiss: boolean): Uint8Array | null {
  if (nulls === null && !mayMiss) return null;
  const out = new Uint8Array(n);
  let any = 0;
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    const x = r < 0 ? 1 : nulls === null ? 0 : nulls[r]!;
    out[i] = x;
    any |= x;
  }
  return any ? out : null;
}

/**
 * A column an operator has not gathered yet: rows idx[0..n) of column `col` of `batch` (-1: a NULL row when
 * `mayMiss`). Gathering such a column again gathers from `batch` through the composed index vector instead, so a
 * column carried through a chain of filters and joins is copied once, where it is used, not at every step.
 */
export interface PendingTake {
  batch: ColumnarBatch;
  col: number;
  idx: Int32Array;
  n: number;
  mayMiss: boolean;
}

const takes = lazyNotes<PendingTake>();

/** Registers where the columns of a lazy column array (lazyColumns) would be taken from. */
export const deferTakes = takes.note;

/** Column c of `cols` as a pending take, or null (computed already, or not a take). */
export const pendingTake = takes.of;

// The last composition per inner index vector: the columns of one batch share their index vectors.
const composed = new WeakMap<Int32Array, { outer: Int32Array; n: number; idx: Int32Array }>();

/** t.idx at idx[0..n) (-1 stays -1). */
function composeTake(t: PendingTake, idx: Int32Array, n: number): Int32Array {
  const memo = composed.get(t.idx);
  if (memo !== undefined && memo.outer === idx && memo.n === n) return memo.idx;
  const inner = t.idx;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    out[i] = r < 0 ? -1 : inner[r]!;
  }
  composed.set(inner, { outer: idx, n, idx: out });
  return out;
}

/** Column c of b at rows idx[0..n); with `mayMiss`, index -1 gives NULL (the missing side of an outer join). */
export function takeColumn(b: ColumnarBatch, c: number, idx: Int32Array, n: number, mayMiss: boolean): Vec {
  const t = pendingTake(b.columns, c);
  if (t !== null) return takeColumn(t.batch, t.col, composeTake(t, idx, n), n, t.mayMiss || mayMiss);
  const f = utf8Form(b, c);
  const done = computedColumn(b.columns, c);
  // Strings a filter condition already decoded to JS strings are gathered as such, not decoded a second time.
  if (f && !(done !== undefined && arrowDataOf(done) === undefined && f.dict === null)) {
    const type = done?.type ?? StringType;
    // A dictionary no larger than the rows taken stays shared. A larger one (a few rows of a big dictionary, as in
    // a shuffle bucket) would be written out with every bucket: those rows' bytes are copied instead.
    if (f.dict !== null && f.size <= n) return takeCodes(f, type, idx, n);
    // More rows out than the column has (a join repeating a build side's strings): its rows become a dictionary.
    if (f.dict === null && f.indices === null && b.length <= n) return takeCodes(plainAsDictionary(b, c, f), type, idx, n);
    return takeUtf8(f, type, idx, n);
  }
  const col = b.columns[c]!;
  const exact = exactOf(col);
  if (exact) return exactDecimalVec(col.type, takeF64(exact, idx, n), takeNulls(col.nulls, idx, n, mayMiss), n);
  const v = col.values;
  const values = v instanceof Float64Array ? takeF64(v, idx, n) : v instanceof Int32Array ? takeI32(v, idx, n) : v instanceof BigInt64Array ? takeI64(v, idx, n) : null;
  if (values !== null) return { type: col.type, length: n, values, nulls: takeNulls(col.nulls, idx, n, mayMiss) };
  const rows = idx.length === n ? idx : idx.subarray(0, n);
  return mayMiss ? gatherOrNull(col, rows) : gather(col, rows);
}

/** The batch's rows idx[0..n), columns gathered as they are used. */
export function takeRows(b: ColumnarBatch, idx: Int32Array, n: number): ColumnarBatch {
  const columns = lazyColumns(b.columns.length, (c) => takeColumn(b, c, idx, n, false));
  deferTakes(columns, (c) => ({ batch: b, col: c, idx, n, mayMiss: false }));
  return { names: b.names, columns, length: n, arrow: stringData(columns, arrowStrings(b)) };
}

/**
 * The `arrow` entries of a batch whose columns are computed lazily: for the columns flagged as strings, the Arrow
 * form of the column (string-key kernels downstream hash its bytes), computed on first access; the others none,
 * so that reading the array does not force any numeric column.
 */
export function stringData(columns: Vec[], isString: boolean[]): (arrow.Data | undefined)[] {
  const out: (arrow.Data | undefined)[] = new Array(isString.length).fill(undefined);
  isString.forEach((str, i) => str && defineLazy(out, i, () => arrowDataOf(columns[i]!)));
  return out;
}

/**
 * Sets out[i] to src[o] without reading src[o] yet when that is a lazy entry (stringData's): reading it would
 * gather its column, which a composed gather downstream may never need.
 */
export function linkArrowData(out: (arrow.Data | undefined)[], i: number, src: (arrow.Data | undefined)[] | undefined, o: number): void {
  const p = src === undefined ? undefined : Object.getOwnPropertyDescriptor(src, o);
  if (p?.get === undefined) out[i] = p?.value as arrow.Data | undefined;
  else defineLazy(out, i, () => src![o]);
}

/**
 * Which columns of a batch are strings still in Arrow form, without computing any column: a lazy entry counts
 * as one (stringData makes them for string columns; should the column turn out to hold JS strings, the entry
 * reads as undefined, which every reader takes as "not in Arrow form").
 */
function arrowStrings(b: ColumnarBatch): boolean[] {
  return Array.from({ length: b.columns.length }, (_, c) => {
    const p = b.arrow === undefined ? undefined : Object.getOwnPropertyDescriptor(b.arrow, c);
    if (p?.get !== undefined) return true;
    const t = (p?.value as arrow.Data | undefined)?.typeId;
    return t === arrow.Type.Utf8 || t === arrow.Type.Dictionary;
  });
}

/** Several batches of one schema as one (the build side of a hash join); strings concatenated as bytes. */
export function concatBatches(batches: ColumnarBatch[], types: string[]): ColumnarBatch {
  if (batches.length === 1) return batches[0]!;
  if (batches.length === 0) return { names: [], columns: types.map((t) => buildVec(parseType(t), [])), length: 0 };
  const length = batches.reduce((s, b) => s + b.length, 0);
  const concat = (c: number): Vec => {
    const forms = batches.map((b) => utf8Form(b, c));
    if (forms.every((f) => f !== null && f.dict !== null && sameDictionary(f.dict, forms[0]!.dict!))) {
      return concatCodes(forms as Utf8Form[], batches.map((b) => b.length), stringTypeOf(batches[0]!, c), length);
    }
    if (forms.every((f) => f !== null && f.indices !== null)) {
      const merged = mergeDictionaries(forms as Utf8Form[], batches.map((b) => b.length), stringTypeOf(batches[0]!, c), length);
      if (merged !== null) return merged;
    }
    if (forms.every((f) => f !== null)) return concatUtf8(forms as Utf8Form[], batches.map((b) => b.length), stringTypeOf(batches[0]!, c), length);
    return concatVecs(batches.map((b) => b.columns[c]!));
  };
  const columns = lazyColumns(batches[0]!.columns.length, concat);
  return { names: batches[0]!.names, columns, length, arrow: stringData(columns, arrowStrings(batches[0]!)) };
}

function sameDictionary(a: arrow.Data, b: arrow.Data): boolean {
  return (a as arrow.Data<arrow.Dictionary>).dictionary === (b as arrow.Data<arrow.Dictionary>).dictionary;
}

/** Dictionary columns over one dictionary as one: their codes concatenated. */
function concatCodes(forms: Utf8Form[], lengths: number[], type: Vec['type'], n: number): Vec {
  const codes = new Int32Array(n);
  let nulls: Uint8Array | null = null;
  let row = 0;
  forms.forEach((f, i) => {
    const m = lengths[i]!;
    codes.set(f.indices!.subarray(0, m), row);
    if (f.nulls) (nulls ??= new Uint8Array(n)).set(f.nulls.subarray(0, m), row);
    row += m;
  });
  return dictionaryVec(type, withCodes(forms[0]!.dict!, codes, nulls), nulls);
}

/**
 * Dictionary columns over different small dictionaries (each shuffle block decodes its own) as one column over the
 * union of their entries: a join's build side keeps a repeated string such as TPC-H Q09's n_name as codes, and its
 * output gathers codes instead of bytes. Null when the dictionaries hold more entries than an eighth of the rows.
 */
function mergeDictionaries(forms: Utf8Form[], lengths: number[], type: Vec['type'], n: number): Vec | null {
  const entries = forms.reduce((t, f) => t + (f.indices === null ? 0 : dictionarySize(f)), 0);
  if (entries > Math.max(1024, n >> 3)) return null;
  const latin1 = new TextDecoder('latin1'); // a byte-exact key for each entry's UTF-8 bytes
  const codeOf = new Map<string, number>();
  const offsets: number[] = [0];
  const parts: Uint8Array[] = [];
  let total = 0;
  const codes = new Int32Array(n);
  let nulls: Uint8Array | null = null;
  let row = 0;
  forms.forEach((f, i) => {
    const size = dictionarySize(f);
    const remap = new Int32Array(size);
    for (let e = 0; e < size; e++) {
      const bytes = f.bytes.subarray(f.offsets[e]!, f.offsets[e + 1]!);
      const key = latin1.decode(bytes);
      let code = codeOf.get(key);
      if (code === undefined) {
        codeOf.set(key, (code = parts.length));
        parts.push(bytes);
        offsets.push((total += bytes.length));
      }
      remap[e] = code;
    }
    const m = lengths[i]!;
    const idx = f.indices!;
    for (let r = 0; r < m; r++) codes[row + r] = remap[idx[r]!]!;
    if (f.nulls) {
      (nulls ??= new Uint8Array(n)).set(f.nulls.subarray(0, m), row);
      for (let r = 0; r < m; r++) if (f.nulls[r] === 1) codes[row + r] = 0;
    }
    row += m;
  });
  const bytes = new Uint8Array(total);
  parts.forEach((b, k) => bytes.set(b, offsets[k]!));
  const values = arrowDataOf(utf8Vec(type, Int32Array.from(offsets), bytes, null))!;
  return dictionaryVec(type, withCodes(rowsAsDictionary(values), codes, nulls), nulls);
}

/** The number of entries of a dictionary column's dictionary (its flat form's offsets when it grew by chunks). */
function dictionarySize(f: Utf8Form): number {
  return f.dict !== null ? f.size : f.offsets.length - 1;
}

/** Arrow pads its buffers: a part's row count comes from its batch, not from its offsets' or indices' length. */
function concatUtf8(forms: Utf8Form[], lengths: number[], type: Vec['type'], n: number): Vec {
  let total = 0;
  forms.forEach((f, i) => {
    const m = lengths[i]!;
    if (f.indices === null) total += f.offsets[m]! - f.offsets[0]!;
    else for (let r = 0; r < m; r++) total += f.offsets[f.indices[r]! + 1]! - f.offsets[f.indices[r]!]!;
  });
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(total);
  let nulls: Uint8Array | null = null;
  let row = 0;
  let at = 0;
  forms.forEach((f, i) => {
    const m = lengths[i]!;
    if (f.indices === null) {
      const base = f.offsets[0]!;
      bytes.set(f.bytes.subarray(base, f.offsets[m]!), at);
      for (let r = 0; r < m; r++) offsets[row + r + 1] = at + f.offsets[r + 1]! - base;
      at += f.offsets[m]! - base;
    } else {
      for (let r = 0; r < m; r++) {
        const e = f.indices[r]!;
        const s = f.offsets[e]!;
        const len = f.offsets[e + 1]! - s;
        for (let k = 0; k < len; k++) bytes[at + k] = f.bytes[s + k]!;
        at += len;
        offsets[row + r + 1] = at;
      }
    }
    if (f.nulls) (nulls ??= new Uint8Array(n)).set(f.nulls.subarray(0, m), row);
    row += m;
  });
  return utf8Vec(type, offsets, bytes, nulls);
}
