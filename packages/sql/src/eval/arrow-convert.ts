import * as arrow from 'apache-arrow';
import { Buffer, isAscii } from 'node:buffer';
import { ArrayType, DecimalType, MapType, StructType, fromArrow, type DataType } from '../types/data-types.js';
import { pow10 } from './decimal.js';
import { exactDecimalVec, exactOf, MAX_EXACT } from './exact-decimal.js';
import { SqlError } from './errors.js';
import { kindOf } from './types.js';
import { allocValues, nullVec, type MapValue } from './vec-util.js';
import type { Vec } from './vec.js';

export { vecFromValues, vecToValues, toSlot, fromSlot, type ToValuesOptions } from './values.js';

/**
 * Arrow ↔ Vec at batch boundaries. Numeric columns move as typed arrays (shared with Arrow when the layout is
 * already Spark's: Int8/16/32/64, Float32/64, Date32, Timestamp[µs]); booleans and null masks are unpacked
 * from bits; strings are decoded once per batch (dictionaries once per dictionary).
 */

const TYPE = arrow.Type;

/** An Arrow vector or data chunk as a Vec of its Spark type (or of `type`, when given and compatible). */
export function vecFromArrow(source: arrow.Vector | arrow.Data, type?: DataType): Vec {
  const t = type ?? fromArrow(source.type);
  if (source instanceof arrow.Data) return fromData(source, t);
  const chunks = source.data;
  if (chunks.length === 1) return fromData(chunks[0]!, t);
  return concatVecs(
    t,
    chunks.map((d) => fromData(d, t)),
  );
}

const dictVecs = new WeakMap<object, { vec: Vec; chunks: number }>();

/**
 * A dictionary's values as a Vec, decoded once per dictionary: the batches of a cached block share one
 * (exec/dictionary-encode.ts), and one that grows by delta chunks gets each delta appended, not all decoded again.
 */
function dictionaryValuesVec(dict: arrow.Vector, t: DataType): Vec {
  const chunks = dict.data;
  const got = dictVecs.get(chunks[0]!);
  if (got && got.chunks >= chunks.length) return got.vec;
  const parts = chunks.slice(got ? got.chunks : 0).map((d) => fromData(d, t));
  const vec = !got && parts.length === 1 ? parts[0]! : concatVecs(t, got ? [got.vec, ...parts] : parts);
  dictVecs.set(chunks[0]!, { vec, chunks: chunks.length });
  return vec;
}

function concatVecs(type: DataType, parts: Vec[]): Vec {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const values = allocValues(type, n);
  let nulls: Uint8Array | null = null;
  let off = 0;
  for (const p of parts) {
    if (ArrayBuffer.isView(values)) (values as any).set(p.values.length === p.length ? p.values : (p.values as any).subarray(0, p.length), off);
    else for (let i = 0; i < p.length; i++) values[off + i] = p.values[i];
    if (p.nulls) (nulls ??= new Uint8Array(n)).set(p.nulls.subarray(0, p.length), off);
    off += p.length;
  }
  return { type, length: n, values, nulls };
}

/** Null mask (1 = null) of an Arrow Data, or null when it has no nulls. */
export function unpackNulls(d: arrow.Data): Uint8Array | null {
  if (d.typeId === TYPE.Null) return new Uint8Array(d.length).fill(1);
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return null;
  return unpackBits(d.nullBitmap, d.offset, d.length, true);
}

function unpackBits(bits: Uint8Array, offset: number, n: number, invert: boolean): Uint8Array {
  const out = new Uint8Array(n);
  const flip = invert ? 1 : 0;
  if ((offset & 7) === 0) {
    const base = offset >> 3;
    const full = n >> 3;
    for (let b = 0; b < full; b++) {
      const byte = bits[base + b]!;
      const o = b << 3;
      out[o] = (byte & 1) ^ flip;
      out[o + 1] = ((byte >> 1) & 1) ^ flip;
      out[o + 2] = ((byte >> 2) & 1) ^ flip;
      out[o + 3] = ((byte >> 3) & 1) ^ flip;
      out[o + 4] = ((byte >> 4) & 1) ^ flip;
      out[o + 5] = ((byte >> 5) & 1) ^ flip;
      out[o + 6] = ((byte >> 6) & 1) ^ flip;
      out[o + 7] = ((byte >> 7) & 1) ^ flip;
    }
    for (let i = full << 3; i < n; i++) out[i] = ((bits[base + (i >> 3)]! >> (i & 7)) & 1) ^ flip;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const p = offset + i;
    out[i] = ((bits[p >> 3]! >> (p & 7)) & 1) ^ flip;
  }
  return out;
}

function packBits(src: ArrayLike<number>, n: number, invert: boolean): Uint8Array {
  const out = new Uint8Array(((n + 63) & ~63) >> 3);
  const flip = invert ? 1 : 0;
  for (let i = 0; i < n; i++) if ((src[i]! ^ flip) & 1) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

const utf8 = new TextDecoder();

function decodeStrings(d: arrow.Data, n: number, nulls: Uint8Array | null): string[] {
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  const bytes = d.values as Uint8Array;
  const out = new Array<string>(n);
  if (!bytes || bytes.length === 0) {
    for (let i = 0; i < n; i++) out[i] = '';
    return out;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const big = offsets instanceof BigInt64Array;
  const start = Number(offsets[0]);
  const end = Number(offsets[n]);
  if (!big && isAscii(bytes.subarray(start, end))) {
    // One decode for the batch; ASCII byte offsets are character offsets, and JS slices are cheap.
    const whole: string = buf.toString('latin1', start, end);
    const o = offsets as Int32Array;
    for (let i = 0; i < n; i++) {
      if (nulls !== null && nulls[i] === 1) out[i] = '';
      else out[i] = whole.slice(o[i]! - start, o[i + 1]! - start);
    }
    return out;
  }
  const slice: (s: number, e: number) => string = (s, e) => buf.toString('utf8', s, e);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) {
      out[i] = '';
      continue;
    }
    const s = big ? Number(offsets[i]) : (offsets[i] as number);
    const e = big ? Number(offsets[i + 1]) : (offsets[i + 1] as number);
    out[i] = e === s ? '' : slice(s, e);
  }
  return out;
}

function decodeBinary(d: arrow.Data, n: number, nulls: Uint8Array | null): (Uint8Array | null)[] {
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  const bytes = d.values as Uint8Array;
  const out = new Array<Uint8Array | null>(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) {
      out[i] = null;
      continue;
    }
    out[i] = bytes.slice(Number(offsets[i]), Number(offsets[i + 1]));
  }
  return out;
}

const TWO32 = 4294967296;

/**
 * A batch of Arrow decimals as exact doubles (see exact-decimal.ts), or null when some value needs more than 53
 * bits: a value fits when its upper words only extend the sign of word 1 and word 1 is within ±2^21.
 */
function exactFromWords(words: Uint32Array, stride: number, n: number, nulls: Uint8Array | null): Float64Array | null {
  const w32 = new Int32Array(words.buffer, words.byteOffset, n * stride);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const o = i * stride;
    const hi = w32[o + 1]!;
    if (hi >= 2097152 || hi < -2097152) return null;
    const sign = hi >> 31;
    for (let w = 2; w < stride; w++) if (w32[o + w] !== sign) return null;
    const x = hi * TWO32 + words[o]!;
    if (x > MAX_EXACT || x < -MAX_EXACT) return null;
    out[i] = x;
  }
  return out;
}

/** Whether words [from, to) all equal `sign` (the sign extension of a decimal's low 64 bits). */
function upperAre(w32: Int32Array, from: number, to: number, sign: number): boolean {
  for (let i = from; i < to; i++) if (w32[i] !== sign) return false;
  return true;
}

function fromData(d: arrow.Data, t: DataType): Vec {
  const n = d.length;
  const nulls = unpackNulls(d);
  const k = kindOf(t);
  const at = d.type as arrow.DataType;
  switch (at.typeId) {
    case TYPE.Null:
      return nullVec(t, n);
    case TYPE.Dictionary: {
      if (k === 'string' && utf8DictionaryValues(d) !== null) return dictionaryVec(t, d, nulls);
      const dict = dictionaryValuesVec((d as any).dictionary as arrow.Vector, t);
      const idx = d.values as ArrayLike<number | bigint>;
      const values = allocValues(t, n);
      const dv = dict.values;
      const dn = dict.nulls;
      let out = nulls;
      for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1) continue;
        const j = Number(idx[i]);
        if (dn !== null && dn[j] === 1) (out ??= new Uint8Array(n))[i] = 1;
        else values[i] = dv[j];
      }
      return { type: t, length: n, values, nulls: out };
    }
    case TYPE.Interval:
    case TYPE.Duration: {
      // Spark's ANSI intervals: year-month as Arrow Interval(YEAR_MONTH) months, day-time as Duration(MICROSECOND).
      const src = (d.values as any).subarray(0, n);
      return { type: t, length: n, values: coerceTyped(src, k === 'interval_ym' || k === 'interval_dt' ? k : 'long', n), nulls };
    }
    case TYPE.Bool: {
      const values = unpackBits(d.values as Uint8Array, d.offset, n, false);
      return { type: t, length: n, values, nulls };
    }
    case TYPE.Int: {
      const src = (d.values as any).subarray(0, n);
      return { type: t, length: n, values: coerceTyped(src, k, n), nulls };
    }
    case TYPE.Float: {
      if ((at as arrow.Float).precision === arrow.Precision.HALF) return viaGet(d, t, nulls);
      const src = (d.values as any).subarray(0, n);
      return { type: t, length: n, values: coerceTyped(src, k, n), nulls };
    }
    case TYPE.Date: {
      if ((at as arrow.Date_).unit === arrow.DateUnit.DAY) return { type: t, length: n, values: (d.values as Int32Array).subarray(0, n), nulls };
      const ms = d.values as BigInt64Array;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(Number(ms[i]) / 86_400_000);
      return { type: t, length: n, values: out, nulls };
    }
    case TYPE.Timestamp: {
      const src = (d.values as BigInt64Array).subarray(0, n);
      const unit = (at as arrow.Timestamp).unit;
      if (unit === arrow.TimeUnit.MICROSECOND) return { type: t, length: n, values: src, nulls };
      const out = new BigInt64Array(n);
      if (unit === arrow.TimeUnit.MILLISECOND) for (let i = 0; i < n; i++) out[i] = src[i]! * 1000n;
      else if (unit === arrow.TimeUnit.SECOND) for (let i = 0; i < n; i++) out[i] = src[i]! * 1_000_000n;
      else
        for (let i = 0; i < n; i++) {
          const v = src[i]!;
          const q = v / 1000n;
          out[i] = v % 1000n < 0n ? q - 1n : q;
        }
      return { type: t, length: n, values: out, nulls };
    }
    case TYPE.Decimal: {
      const bw = (at as arrow.Decimal).bitWidth;
      const words = d.values as Uint32Array;
      const stride = bw / 32;
      const srcScale = (at as arrow.Decimal).scale;
      const dstScale = t instanceof DecimalType ? t.scale : srcScale;
      if (dstScale === srcScale && stride >= 2) {
        const exact = exactFromWords(words, stride, n, nulls);
        if (exact) return exactDecimalVec(t, exact, nulls, n);
      }
      const values = new Array<bigint | null>(n);
      const f = dstScale >= srcScale ? pow10(dstScale - srcScale) : 1n;
      // A value whose upper words only repeat the sign of the lowest 64 bits is that 64-bit word, read as one
      // bigint: six times cheaper than assembling it from 32-bit words (TPC-H's money columns all fit).
      const w64 = stride >= 2 && words.byteOffset % 8 === 0 ? new BigInt64Array(words.buffer, words.byteOffset, (n * stride) >> 1) : null;
      const w32 = new Int32Array(words.buffer, words.byteOffset, n * stride);
      for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1) {
          values[i] = null;
          continue;
        }
        const o = i * stride;
        let v: bigint;
        const sign = w32[o + 1]! >> 31;
        if (w64 !== null && (stride === 2 || (w32[o + 2] === sign && w32[o + 3] === sign && (stride === 4 || upperAre(w32, o + 4, o + stride, sign))))) {
          v = w64[o >> 1]!;
        } else {
          v = 0n;
          for (let w = stride - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[o + w]!);
          v = BigInt.asIntN(bw, v);
        }
        values[i] = dstScale === srcScale ? v : dstScale > srcScale ? v * f : v / pow10(srcScale - dstScale);
      }
      return { type: t, length: n, values, nulls };
    }
    case TYPE.Utf8:
    case TYPE.LargeUtf8:
      if (k === 'binary') return { type: t, length: n, values: decodeBinary(d, n, nulls), nulls };
      return { type: t, length: n, values: decodeStrings(d, n, nulls), nulls };
    case TYPE.Binary:
    case TYPE.LargeBinary:
      if (k === 'string') {
        const bin = decodeBinary(d, n, nulls);
        return { type: t, length: n, values: bin.map((b) => (b ? utf8.decode(b) : null)), nulls };
      }
      return { type: t, length: n, values: decodeBinary(d, n, nulls), nulls };
    case TYPE.List:
    case TYPE.LargeList:
    case TYPE.FixedSizeList: {
      const child = d.children[0]!;
      const et = t instanceof ArrayType ? t.elementType : fromArrow(child.type);
      const cv = fromData(child, et);
      const values = new Array<unknown[] | null>(n);
      const offsets = d.valueOffsets as Int32Array | BigInt64Array | undefined;
      const size = at.typeId === TYPE.FixedSizeList ? (at as arrow.FixedSizeList).listSize : 0;
      for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1) {
          values[i] = null;
          continue;
        }
        const s = offsets ? Number(offsets[i]) : i * size;
        const e = offsets ? Number(offsets[i + 1]) : s + size;
        const arr = new Array(e - s);
        for (let j = s; j < e; j++) arr[j - s] = cv.nulls !== null && cv.nulls[j] === 1 ? null : cv.values[j];
        values[i] = arr;
      }
      return { type: t, length: n, values, nulls };
    }
    case TYPE.Struct: {
      const st = t instanceof StructType ? t : (fromArrow(at) as StructType);
      const kids = d.children.map((c, j) => fromData(c, st.fields[j]!.dataType));
      const values = new Array<unknown[] | null>(n);
      for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1) {
          values[i] = null;
          continue;
        }
        const row = new Array(kids.length);
        for (let j = 0; j < kids.length; j++) {
          const kv = kids[j]!;
          row[j] = kv.nulls !== null && kv.nulls[i] === 1 ? null : kv.values[i];
        }
        values[i] = row;
      }
      return { type: t, length: n, values, nulls };
    }
    case TYPE.Map: {
      const mt = t instanceof MapType ? t : (fromArrow(at) as MapType);
      const entries = d.children[0]!;
      const kv = fromData(entries.children[0]!, mt.keyType);
      const vv = fromData(entries.children[1]!, mt.valueType);
      const offsets = d.valueOffsets as Int32Array;
      const values = new Array<MapValue | null>(n);
      for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1) {
          values[i] = null;
          continue;
        }
        const s = offsets[i]!;
        const e = offsets[i + 1]!;
        const keys = new Array(e - s);
        const vals = new Array(e - s);
        for (let j = s; j < e; j++) {
          keys[j - s] = kv.values[j];
          vals[j - s] = vv.nulls !== null && vv.nulls[j] === 1 ? null : vv.values[j];
        }
        values[i] = { keys, values: vals };
      }
      return { type: t, length: n, values, nulls };
    }
    default:
      return viaGet(d, t, nulls);
  }
}

/** Typed values of an Arrow integer/float column in the slot array of Spark kind `k`. */
function coerceTyped(src: any, k: string, n: number): any {
  switch (k) {
    case 'byte':
      return src instanceof Int8Array ? src : Int8Array.from(src, Number);
    case 'short':
      return src instanceof Int16Array ? src : Int16Array.from(src, Number);
    case 'int':
    case 'date':
    case 'interval_ym':
      return src instanceof Int32Array ? src : Int32Array.from(src, Number);
    case 'long':
    case 'timestamp':
    case 'interval_dt':
      if (src instanceof BigInt64Array) return src;
      if (src instanceof BigUint64Array) return new BigInt64Array(src.buffer, src.byteOffset, n);
      return BigInt64Array.from(src, (x: number) => BigInt(x));
    case 'float':
      return src instanceof Float32Array ? src : Float32Array.from(src, Number);
    case 'double':
      return src instanceof Float64Array ? src : Float64Array.from(src, Number);
  }
  throw new SqlError('UNSUPPORTED_ARROW_TYPE', `cannot read Arrow numbers as ${k}`);
}

/** Slow path for Arrow types without a fast reader (Float16, views, …): Arrow's own get(). */
function viaGet(d: arrow.Data, t: DataType, nulls: Uint8Array | null): Vec {
  const vec = arrow.makeVector(d);
  const n = d.length;
  const values = allocValues(t, n);
  const k = kindOf(t);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    let v: any = vec.get(i);
    if (v === null || v === undefined) continue;
    if (k === 'long' || k === 'timestamp') v = BigInt(v);
    else if (k === 'boolean') v = v ? 1 : 0;
    else if (typeof v === 'bigint') v = Number(v);
    values[i] = v;
  }
  return { type: t, length: n, values, nulls };
}

// -------------------------------------------------------------------------------------------- Vec → Arrow

/** A Vec as an Arrow vector of its Spark type's Arrow type (for output batches). */
export function vecToArrow(v: Vec): arrow.Vector {
  return arrow.makeVector(vecToData(v));
}

/** Vecs whose Arrow form was built first (string columns written straight from bytes); see utf8Vec. */
const arrowForm = new WeakMap<Vec, arrow.Data>();

/**
 * A string Vec from UTF-8 bytes and offsets (nulls: 1 = null), for kernels that produce bytes: its Arrow form
 * is those bytes (no JS strings on the way to an Arrow batch), and its JS strings are decoded only if read.
 */
export function utf8Vec(type: DataType, offsets: Int32Array, bytes: Uint8Array, nulls: Uint8Array | null): Vec {
  const n = offsets.length - 1;
  const nullCount = nulls ? countOnes(nulls, n) : 0;
  const data = arrow.makeData({
    type: new arrow.Utf8(),
    length: n,
    nullCount,
    nullBitmap: nullCount > 0 ? packBits(nulls!, n, true) : undefined,
    valueOffsets: offsets,
    data: bytes,
  });
  let values: string[] | null = null;
  const vec: Vec = {
    type,
    length: n,
    nulls: nullCount > 0 ? nulls : null,
    get values() {
      return (values ??= decodeStrings(data, n, nullCount > 0 ? nulls : null));
    },
  };
  arrowForm.set(vec, data);
  return vec;
}

/**
 * String Vecs over a dictionary-encoded Arrow column (see dictionaryVec). Kept apart from `arrowForm`: vecToData
 * still writes them as plain UTF-8 (writers and toArrow() expect that), while gathers and string-key kernels ask
 * for the dictionary through arrowDataOf.
 */
const dictForm = new WeakMap<Vec, arrow.Data>();

/**
 * The UTF-8 values of a dictionary column in the form kernels read directly (Int32 codes, no offset, one chunk of
 * UTF-8 values without nulls and offset, as the cache's dictionary encoder writes them), or null.
 */
export function utf8DictionaryValues(d: arrow.Data): arrow.Data<arrow.Utf8> | null {
  if (d.typeId !== TYPE.Dictionary || d.offset !== 0 || !(d.values instanceof Int32Array)) return null;
  const chunks = (d as arrow.Data<arrow.Dictionary>).dictionary?.data;
  const dd = chunks && chunks.length === 1 ? chunks[0]! : undefined;
  if (!dd || dd.typeId !== TYPE.Utf8 || dd.offset !== 0 || dd.nullCount > 0) return null;
  return dd as arrow.Data<arrow.Utf8>;
}

/** Each dictionary's values as JS strings, decoded once however many batches gathered from it share it. */
const dictStrings = new WeakMap<arrow.Data, string[]>();

/**
 * A string Vec over a dictionary column (utf8DictionaryValues holds): its nulls now, its JS strings only if read
 * (one lookup per row into the dictionary's strings, decoded once per dictionary). Filters and gathers pass the
 * codes on with the dictionary shared, so a group-by key downstream still sees codes (see arrowDataOf).
 */
export function dictionaryVec(type: DataType, d: arrow.Data, nulls: Uint8Array | null = unpackNulls(d)): Vec {
  const dd = utf8DictionaryValues(d)!;
  const n = d.length;
  const codes = d.values as Int32Array;
  let values: string[] | null = null;
  const vec: Vec = {
    type,
    length: n,
    nulls,
    get values() {
      if (values !== null) return values;
      let dv = dictStrings.get(dd);
      if (dv === undefined) dictStrings.set(dd, (dv = decodeStrings(dd, dd.length, null)));
      const out = new Array<string>(n);
      for (let i = 0; i < n; i++) out[i] = nulls !== null && nulls[i] === 1 ? '' : dv[codes[i]!]!;
      return (values = out);
    },
  };
  dictForm.set(vec, d);
  return vec;
}

/**
 * A dictionary column of `like`'s type and dictionary (shared, not copied) with other codes; nulls: 1 = null
 * (their code slots are ignored).
 */
export function withCodes(like: arrow.Data, codes: Int32Array, nulls: Uint8Array | null): arrow.Data {
  const n = codes.length;
  const nullCount = nulls ? countOnes(nulls, n) : 0;
  return arrow.makeData({
    type: like.type as arrow.Dictionary,
    length: n,
    nullCount,
    nullBitmap: nullCount > 0 ? packBits(nulls!, n, true) : undefined,
    data: codes,
    dictionary: (like as arrow.Data<arrow.Dictionary>).dictionary,
  });
}

/** Each plain UTF-8 column used as a dictionary (see rowsAsDictionary), made once so gathers from it share it. */
const asDictionary = new WeakMap<arrow.Data, arrow.Data>();

/**
 * A plain UTF-8 column as a dictionary whose entry i is row i (codes of a gather from it are its row indices): a
 * join output that repeats a small build side's strings gathers codes instead of copying bytes. NULL rows become
 * empty entries (a dictionary's values have no nulls: rows that point at them carry their own null flag). Entries
 * may repeat; the readers of dictionaries (key encoders, byte gathers) compare bytes, not codes.
 */
export function rowsAsDictionary(d: arrow.Data): arrow.Data {
  let out = asDictionary.get(d);
  if (out === undefined) {
    const n = d.length;
    const values = arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: (d.valueOffsets as Int32Array).subarray(0, n + 1), data: (d.values as Uint8Array) ?? new Uint8Array(0) });
    out = arrow.makeData({ type: new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()), length: 0, nullCount: 0, data: new Int32Array(0), dictionary: arrow.makeVector(values) });
    asDictionary.set(d, out);
  }
  return out;
}

/** The Arrow data a Vec was made from or as (plain UTF-8 bytes, or a dictionary column), if any. */
export function arrowDataOf(v: Vec): arrow.Data | undefined {
  return arrowForm.get(v) ?? dictForm.get(v);
}

/** Whether the Vec carries its own Arrow form (its buffers are its own). */
export function hasArrowForm(v: Vec): boolean {
  return arrowForm.has(v);
}

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

export function vecToData(v: Vec): arrow.Data {
  const pre = arrowForm.get(v);
  if (pre) return pre;
  const t = v.type;
  const n = v.length;
  const at = t.toArrow();
  const k = kindOf(t);
  if (k === 'null') return arrow.makeData({ type: at as arrow.Null, length: n });
  const nullCount = v.nulls ? countOnes(v.nulls, n) : 0;
  const nullBitmap = nullCount > 0 ? packBits(v.nulls!, n, true) : undefined;
  const base = { length: n, nullCount, nullBitmap } as const;
  const src = v.values;
  switch (k) {
    case 'boolean':
      return arrow.makeData({ type: at as arrow.Bool, ...base, data: packBits(src as Uint8Array, n, false) });
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'date':
    case 'timestamp':
    case 'interval_ym':
    case 'interval_dt': {
      const data = src.length === n ? src : (src as any).subarray(0, n);
      return arrow.makeData({ type: at as any, ...base, data });
    }
    case 'decimal': {
      const words = new Uint32Array(n * 4);
      const exact = exactOf(v);
      if (exact) {
        // Two's complement words of an exact integer: the low word modulo 2^32, the high word (and the upper
        // two) the floor of its quotient by 2^32, which for |x| < 2^53 is within ±2^21.
        for (let i = 0; i < n; i++) {
          if (v.nulls !== null && v.nulls[i] === 1) continue;
          const x = exact[i]!;
          const hi = Math.floor(x / TWO32);
          const o = 4 * i;
          words[o] = x - hi * TWO32;
          words[o + 1] = hi;
          if (hi < 0) words[o + 2] = words[o + 3] = 0xffffffff;
        }
        return arrow.makeData({ type: at as arrow.Decimal, ...base, data: words });
      }
      const big = new BigInt64Array(words.buffer);
      for (let i = 0; i < n; i++) {
        const x = src[i];
        if (x === null || x === undefined || (v.nulls !== null && v.nulls[i] === 1)) continue;
        big[2 * i] = x; // stored modulo 2^64
        big[2 * i + 1] = x >= MIN_I64 && x <= MAX_I64 ? (x < 0n ? -1n : 0n) : BigInt.asIntN(64, x >> 64n);
      }
      return arrow.makeData({ type: at as arrow.Decimal, ...base, data: words });
    }
    case 'string': {
      const fast = asciiStrings(src as string[], n, v.nulls);
      if (fast) return arrow.makeData({ type: at as arrow.Utf8, ...base, valueOffsets: fast.offsets, data: fast.data });
      const offsets = new Int32Array(n + 1);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const s = src[i];
        if (typeof s === 'string' && !(v.nulls !== null && v.nulls[i] === 1)) total += s.length;
      }
      // ASCII fits in `total` bytes; anything else is measured exactly.
      let buf = Buffer.allocUnsafe(total);
      let pos = 0;
      for (let i = 0; i < n; i++) {
        const s = src[i];
        if (typeof s === 'string' && s.length > 0 && !(v.nulls !== null && v.nulls[i] === 1)) {
          if (pos + s.length * 3 > buf.length) {
            const need = pos + Buffer.byteLength(s, 'utf8');
            if (need > buf.length) {
              const grown = Buffer.allocUnsafe(Math.max(need, buf.length * 2));
              buf.copy(grown, 0, 0, pos);
              buf = grown;
            }
          }
          pos += buf.write(s, pos, 'utf8');
        }
        offsets[i + 1] = pos;
      }
      const data = new Uint8Array(buf.buffer, buf.byteOffset, pos);
      return arrow.makeData({ type: at as arrow.Utf8, ...base, valueOffsets: offsets, data: data.slice() });
    }
    case 'binary': {
      const offsets = new Int32Array(n + 1);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const b = src[i];
        if (b && !(v.nulls !== null && v.nulls[i] === 1)) total += b.length;
        offsets[i + 1] = total;
      }
      const data = new Uint8Array(total);
      for (let i = 0; i < n; i++) {
        const b = src[i];
        if (b && !(v.nulls !== null && v.nulls[i] === 1)) data.set(b, offsets[i]!);
      }
      return arrow.makeData({ type: at as arrow.Binary, ...base, valueOffsets: offsets, data });
    }
    case 'array': {
      const et = (t as ArrayType).elementType;
      const offsets = new Int32Array(n + 1);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const a = src[i];
        if (a && !(v.nulls !== null && v.nulls[i] === 1)) total += a.length;
        offsets[i + 1] = total;
      }
      const slots = new Array(total);
      for (let i = 0; i < n; i++) {
        const a = src[i];
        if (!a || (v.nulls !== null && v.nulls[i] === 1)) continue;
        const o = offsets[i]!;
        for (let j = 0; j < a.length; j++) slots[o + j] = a[j];
      }
      const child = vecToData(vecOfSlots(et, slots));
      return arrow.makeData({ type: at as arrow.List, ...base, valueOffsets: offsets, child });
    }
    case 'struct': {
      const st = t as StructType;
      const children = st.fields.map((f, j) => {
        const slots = new Array(n);
        for (let i = 0; i < n; i++) {
          const row = src[i];
          slots[i] = row && !(v.nulls !== null && v.nulls[i] === 1) ? row[j] : null;
        }
        return vecToData(vecOfSlots(f.dataType, slots));
      });
      return arrow.makeData({ type: at as arrow.Struct, ...base, children });
    }
    case 'map': {
      const mt = t as MapType;
      const offsets = new Int32Array(n + 1);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const m = src[i] as MapValue | null;
        if (m && !(v.nulls !== null && v.nulls[i] === 1)) total += m.keys.length;
        offsets[i + 1] = total;
      }
      const keys = new Array(total);
      const vals = new Array(total);
      for (let i = 0; i < n; i++) {
        const m = src[i] as MapValue | null;
        if (!m || (v.nulls !== null && v.nulls[i] === 1)) continue;
        const o = offsets[i]!;
        for (let j = 0; j < m.keys.length; j++) {
          keys[o + j] = m.keys[j];
          vals[o + j] = m.values[j];
        }
      }
      const entriesType = (at as arrow.Map_).children[0]!.type as arrow.Struct;
      const entries = arrow.makeData({
        type: entriesType,
        length: total,
        nullCount: 0,
        children: [vecToData(vecOfSlots(mt.keyType, keys)), vecToData(vecOfSlots(mt.valueType, vals))],
      });
      return arrow.makeData({ type: at as arrow.Map_, ...base, valueOffsets: offsets, child: entries });
    }
  }
  throw new SqlError('UNSUPPORTED_DATA_TYPE', `cannot write ${t.simpleString()} to Arrow`);
}

/** Strings that are all ASCII, encoded with one join and one copy (null when some are not ASCII). */
function asciiStrings(src: string[], n: number, nulls: Uint8Array | null): { offsets: Int32Array; data: Uint8Array } | null {
  const offsets = new Int32Array(n + 1);
  const parts = nulls === null && src.length === n ? src : new Array<string>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = nulls !== null && nulls[i] === 1 ? '' : (src[i] ?? '');
    if (parts !== src) parts[i] = x;
    total += x.length;
    offsets[i + 1] = total;
  }
  const joined = parts.join('');
  if (Buffer.byteLength(joined, 'utf8') !== joined.length) return null;
  // An own ArrayBuffer (not Node's shared pool), so the batch can be transferred to another thread.
  const data = new Uint8Array(total);
  Buffer.from(data.buffer, 0, total).write(joined, 0, 'latin1');
  return { offsets, data };
}

function vecOfSlots(type: DataType, slots: unknown[]): Vec {
  const n = slots.length;
  const values = allocValues(type, n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const s = slots[i];
    if (s === null || s === undefined) (nulls ??= new Uint8Array(n))[i] = 1;
    else values[i] = s;
  }
  return { type, length: n, values, nulls };
}

function countOnes(a: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += a[i]!;
  return c;
}

/** A record batch's columns as Vecs. */
export function vecsFromRecordBatch(rb: arrow.RecordBatch): Vec[] {
  return rb.schema.fields.map((_, i) => vecFromArrow(rb.getChildAt(i)!));
}
