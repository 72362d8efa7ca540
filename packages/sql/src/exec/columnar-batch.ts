import * as arrow from 'apache-arrow';
import type { Vec } from '../eval/vec.js';
import { hasArrowForm, vecFromArrow, vecToArrow } from '../eval/arrow-convert.js';
import { exactOf } from '../eval/exact-decimal.js';
import { decodeBatches, encodeBatch } from './batch-codec.js';
import { exactColumn, exactColumnVec, isExactField } from './exact-decimal-ipc.js';
import { fromArrow } from '../types/data-types.js';

/** A batch while a task computes on it: columns as Vecs, with their names. */
export interface ColumnarBatch {
  names: string[];
  columns: Vec[];
  length: number;
  /**
   * The Arrow data of each column (undefined where a column was computed), while the batch is still as read
   * from Arrow: kernels that can work on Arrow buffers directly (string group keys) read them from here.
   */
  arrow?: (arrow.Data | undefined)[];
}

/**
 * Columns computed on first access: a batch read from Arrow converts (and decodes strings of) only the columns
 * an operator touches, so a query over a cached wide table pays for the columns it uses.
 */
export function lazyColumns(n: number, make: (i: number) => Vec): Vec[] {
  const cols: Vec[] = new Array(n);
  for (let i = 0; i < n; i++) defineLazy(cols, i, () => make(i));
  return cols;
}

/**
 * Facts about a lazy column array's columns while they are not computed yet (how a filter or join would gather
 * them), kept beside the array: `note` registers them for an array, `of` reads them for column c, or null once c is
 * computed (or nothing was noted).
 */
export function lazyNotes<T>(): { note: (cols: Vec[], of: (c: number) => T | null) => void; of: (cols: Vec[], c: number) => T | null } {
  const notes = new WeakMap<Vec[], (c: number) => T | null>();
  return {
    note: (cols, of) => void notes.set(cols, of),
    of: (cols, c) => {
      const f = notes.get(cols);
      return f === undefined || computedColumn(cols, c) !== undefined ? null : f(c);
    },
  };
}

/** Makes out[i] computed by `make` on first read, then kept as a plain value (computedColumn tells them apart). */
export function defineLazy<T>(out: T[], i: number, make: () => T): void {
  Object.defineProperty(out, i, {
    configurable: true,
    enumerable: true,
    get() {
      const v = make();
      Object.defineProperty(out, i, { value: v, writable: true, enumerable: true, configurable: true });
      return v;
    },
  });
}

/** Column i if it is already computed (a lazy column not yet read stays unread). */
export function computedColumn(cols: Vec[], i: number): Vec | undefined {
  const p = Object.getOwnPropertyDescriptor(cols, i);
  return p === undefined ? undefined : p.get === undefined ? (p.value as Vec) : undefined;
}

// Arrow JS's RecordBatch mangles a schema whose fields share a name, so inside batches a repeated name carries a
// "\\u0001n" suffix (plans refer to columns by position; names matter only for display and output).
const DUP = /\u0001\d+$/;

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return k === 0 ? n : `${n}\u0001${k}`;
  });
}

export function fromRecordBatch(rb: arrow.RecordBatch): ColumnarBatch {
  const fields = rb.schema.fields;
  const vectors = fields.map((_, i) => rb.getChildAt(i)!);
  // an exact decimal column's Float64 data is not its Arrow form (its type is the decimal): read as a Vec only
  const direct = (i: number) => (vectors[i]!.data.length === 1 ? vectors[i]!.data[0] : undefined);
  return {
    names: fields.map((f) => f.name.replace(DUP, '')),
    columns: lazyColumns(vectors.length, (i) => (isExactField(fields[i]!) ? exactColumnVec(fields[i]!, direct(i)!) : null) ?? vecFromArrow(vectors[i]!)),
    length: rb.numRows,
    arrow: vectors.map((_, i) => (isExactField(fields[i]!) ? undefined : direct(i))),
  };
}

/**
 * An Arrow record batch (duplicate column names, which Spark allows after joins, get a \\u0001n suffix). Columns
 * still as read from Arrow (`b.arrow`) go out as that Arrow data when it is already in the layout their type
 * encodes to (or a dictionary of strings): a scan's batch is not converted to JS values and back on its way to IPC.
 * Decimal columns whose values fit go out in exact form (exact-decimal-ipc.ts) unless `plain` (batches leaving
 * the engine).
 */
export function toRecordBatch(b: ColumnarBatch, plain = false): arrow.RecordBatch {
  const used = new Set<unknown>();
  const metadata: (Map<string, string> | undefined)[] = [];
  const datas = b.names.map((_, i) => {
    const d = b.arrow?.[i];
    if (!plain && (d === undefined || d.typeId === arrow.Type.Decimal)) {
      const exact = exactColumn(b.columns[i]!, used);
      if (exact) {
        metadata[i] = exact.metadata;
        return exact.data;
      }
    }
    if (d && !used.has(d) && passesThrough(d, b.length)) {
      used.add(d);
      return d;
    }
    // A second use of the same Arrow data is copied (its Vec's values view the same memory).
    return vecToArrow(distinctBuffer(b.columns[i]!, used, d !== undefined && used.has(d))).data[0]!;
  });
  const names = uniqueNames(b.names);
  const fields = datas.map((d, i) => new arrow.Field(names[i]!, d.type, true, metadata[i]));
  const struct = new arrow.Struct(fields);
  const data = arrow.makeData({ type: struct, length: b.length, nullCount: 0, children: datas });
  return new arrow.RecordBatch(new arrow.Schema(fields), data);
}

function passesThrough(d: arrow.Data, n: number): boolean {
  if (d.offset !== 0 || d.length !== n) return false;
  if (d.typeId === arrow.Type.Dictionary) {
    const t = d.type as arrow.Dictionary;
    return arrow.DataType.isUtf8(t.dictionary) && t.indices.bitWidth === 32 && t.indices.isSigned && d.values instanceof Int32Array;
  }
  return arrow.util.compareTypes(fromArrow(d.type).toArrow(), d.type);
}

/**
 * The column, its value array copied when the batch already holds it: Arrow's IPC writer mis-sizes the body of a
 * batch that holds the same typed-array view twice (select(a, a AS b), a grouping key copy), and the reader then
 * fails on it.
 */
function distinctBuffer(c: Vec, used: Set<unknown>, copy: boolean): Vec {
  if (hasArrowForm(c) && !copy) return c;
  // Decimals in exact form get fresh Arrow words from vecToData (and reading `values` would build their bigints).
  if (exactOf(c) !== null) return c;
  if (!copy && !used.has(c.values)) {
    used.add(c.values);
    return c;
  }
  const values = (c.values as unknown as { slice(a: number, b: number): Vec['values'] }).slice(0, c.length);
  return { type: c.type, length: c.length, values, nulls: c.nulls ? c.nulls.slice(0, c.length) : null };
}

export function decode(bytes: Uint8Array): ColumnarBatch[] {
  return decodeBatches(bytes).map(fromRecordBatch);
}

export function encode(b: ColumnarBatch): Uint8Array {
  return encodeBatch(toRecordBatch(b));
}
