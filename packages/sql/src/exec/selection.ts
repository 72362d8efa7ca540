import type { BinaryOp } from '../expr/ast.js';
import { inputsOf } from '../optimizer/bound-utils.js';
import { FLOAT_COMPARE } from '../eval/arith.js';
import type { Bound } from '../eval/bound.js';
import { SqlError } from '../eval/errors.js';
import { compileBound, gatherInputs } from '../eval/evaluate.js';
import { exactOf, MAX_EXACT } from '../eval/exact-decimal.js';
import { kindOf, typeOf } from '../eval/types.js';
import { toSlot } from '../eval/values.js';
import { unionNulls } from '../eval/vec-util.js';
import type { Vec } from '../eval/vec.js';
import type { ColumnarBatch } from './columnar-batch.js';
import { keySource } from './hash-agg/key-encoders.js';

/**
 * A filter condition compiled to a selection: the ascending list of rows where it is true (neither false nor
 * NULL). A conjunction narrows the list conjunct by conjunct, so each later conjunct reads only the rows the
 * earlier ones kept, which is Spark's short-circuit AND: a conjunct that would raise on a row an earlier one
 * dropped does not fail the query. A conjunct comparing a column with a literal or with another column runs one
 * branchless loop over the kept rows (no boolean column, no gathered copy of its input); string predicates test
 * UTF-8 bytes or dictionary entries (stringLiterals); any other conjunct is evaluated by compileBound over the kept
 * rows.
 */
export type SelectionFn = (batch: ColumnarBatch) => Selection;

/** `rows[0..count)` are the selected rows; `rows` is null when every row is selected. */
export interface Selection {
  rows: Int32Array | null;
  count: number;
}

/** Narrows `sel` (null: all `n` rows) to the rows where a conjunct holds, writing them to `out`; returns how many. */
type Narrow = (b: ColumnarBatch, sel: Int32Array | null, m: number, out: Int32Array) => number;

const compiledSelections = new WeakMap<Bound, SelectionFn>();

export function compileSelection(condition: Bound): SelectionFn {
  let f = compiledSelections.get(condition);
  if (f) return f;
  const narrows = conjunctsOf(condition).map(narrowFor);
  f = (b) => {
    const n = b.length;
    let rows: Int32Array | null = null;
    let m = n;
    for (const narrow of narrows) {
      // Narrowing in place is safe: the k-th kept row is written at an index no larger than k.
      const out: Int32Array = rows ?? new Int32Array(n);
      m = narrow(b, rows, m, out);
      rows = out;
      if (m === 0) break;
    }
    return { rows: m === n ? null : rows, count: m };
  };
  compiledSelections.set(condition, f);
  return f;
}

function conjunctsOf(b: Bound): Bound[] {
  return b.kind === 'binary' && b.op === 'and' ? [...conjunctsOf(b.left), ...conjunctsOf(b.right)] : [b];
}

function narrowFor(b: Bound): Narrow {
  return literalComparison(b) ?? columnComparison(b) ?? stringLiterals(b) ?? evaluated(b);
}

// --------------------------------------------------------------------------------- column op literal

const FLIPPED: Partial<Record<BinaryOp, BinaryOp>> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

type Mode = 'num' | 'float' | 'exact';

/**
 * `column op literal` (or `literal op column`) of one numeric, date, timestamp or decimal type. Decimals take the
 * loop when the batch holds them in exact form (eval/exact-decimal.ts) and the literal is an exact double too; the
 * other batches go through compileBound.
 */
function literalComparison(b: Bound): Narrow | null {
  if (b.kind !== 'binary') return null;
  let op = b.op;
  let col = b.left;
  let lit = b.right;
  if (col.kind === 'literal' && lit.kind === 'input') {
    [col, lit] = [lit, col];
    op = FLIPPED[op] ?? op;
  }
  if (FLIPPED[op] === undefined || col.kind !== 'input' || lit.kind !== 'literal' || col.type !== lit.type) return null;
  const type = typeOf(col.type);
  const k = kindOf(type);
  let slot: unknown;
  try {
    slot = toSlot(type)(lit.value);
  } catch {
    return null; // a literal that is not yet a value of its type: leave it to the evaluator's casts
  }
  const ord = col.ordinal;
  if (slot === null) return () => 0; // a comparison with NULL is never true
  const mode = modeOf(k);
  if (mode === null) return null;
  let c: unknown = slot;
  if (mode === 'exact') {
    const d = Number(slot as bigint);
    if (!(d <= MAX_EXACT && d >= -MAX_EXACT)) return null;
    c = d;
  }
  const fallback = evaluated(b);
  const isNaN = typeof c === 'number' && c !== c;
  const loop = selectKernel(op, mode === 'float' ? (isNaN ? 'nan' : 'float') : 'num', k);
  return (batch, sel, m, out) => {
    const v = batch.columns[ord]!;
    const values = mode === 'exact' ? exactOf(v) : v.values;
    if (values === null) return fallback(batch, sel, m, out);
    return loop(values, v.nulls, c, sel, m, out);
  };
}

/** The loop form of a column's kind: numbers compare as they are, doubles with Spark's NaN, decimals in exact form. */
function modeOf(k: string): Mode | null {
  switch (k) {
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
    case 'long':
    case 'timestamp':
      return 'num';
    case 'float':
    case 'double':
      return 'float';
    case 'decimal':
      return 'exact';
  }
  return null;
}

/** `column op column` of one type (TPC-H Q04's and Q21's `l_commitdate < l_receiptdate`). */
function columnComparison(b: Bound): Narrow | null {
  if (b.kind !== 'binary' || FLIPPED[b.op] === undefined) return null;
  const { left, right } = b;
  if (left.kind !== 'input' || right.kind !== 'input' || left.type !== right.type) return null;
  const k = kindOf(typeOf(left.type));
  const mode = modeOf(k);
  if (mode === null) return null;
  const fallback = evaluated(b);
  const loop = selectKernel(b.op, mode === 'float' ? 'colfloat' : 'col', k);
  const [lo, ro] = [left.ordinal, right.ordinal];
  return (batch, sel, m, out) => {
    const l = batch.columns[lo]!;
    const r = batch.columns[ro]!;
    const x = mode === 'exact' ? exactOf(l) : l.values;
    const y = mode === 'exact' ? exactOf(r) : r.values;
    if (x === null || y === null) return fallback(batch, sel, m, out);
    return loop(x, unionNulls([l, r], batch.length), y, sel, m, out);
  };
}

type Kernel = (x: ArrayLike<any>, nulls: Uint8Array | null, c: any, sel: Int32Array | null, m: number, out: Int32Array) => number;

const kernels = new Map<string, Kernel>();

/**
 * The loop for one operator: `j += cond | 0` keeps it free of branches on the data, whose outcome a filter makes
 * unpredictable. Each (operator, form, column kind) is its own generated function so that every loop stays monomorphic. Spark
 * orders NaN above every double and equal to itself; `nan` is the form for a NaN literal.
 */
function selectKernel(op: BinaryOp, form: 'num' | 'float' | 'nan' | 'col' | 'colfloat', columnKind: string): Kernel {
  const key = `${op}:${form}:${columnKind}`; // one function per array type too
  let k = kernels.get(key);
  if (k) return k;
  const js = op === '=' ? '===' : op === '!=' ? '!==' : op;
  // `y`: the literal `c`, or in the two-column forms the row's value of the column `c`
  const cond = (): string => {
    if (form === 'nan') return { '=': 'x !== x', '!=': 'x === x', '<': 'x === x', '<=': 'true', '>': 'false', '>=': 'x !== x' }[op as string]!;
    if (form === 'float' && (op === '>' || op === '>=' || op === '!=')) return op === '!=' ? 'x !== y' : `(x ${op} y || x !== x)`;
    if (form === 'colfloat') return FLOAT_COMPARE[op as string]!;
    return `x ${js} y`;
  };
  const two = form === 'col' || form === 'colfloat';
  const step = (row: string, nullable: boolean): string => `
      const x = v[${row}];
      const y = ${two ? `c[${row}]` : 'c'};
      out[j] = ${row};
      j += ${nullable ? `((${cond()}) & (nulls[${row}] ^ 1))` : `(${cond()})`} | 0;`;
  const loops = (nullable: boolean): string => `
    if (sel === null) for (let i = 0; i < m; i++) { ${step('i', nullable)} }
    else for (let k = 0; k < m; k++) { const r = sel[k]; ${step('r', nullable)} }`;
  const body = `
    const v = x;
    let j = 0;
    if (nulls === null) { ${loops(false)} } else { ${loops(true)} }
    return j;`;
  k = new Function('x', 'nulls', 'c', 'sel', 'm', 'out', body) as Kernel;
  kernels.set(key, k);
  return k;
}

// ------------------------------------------------------------------------------------- string literals

const utf8 = new TextEncoder();

/**
 * 1 when the UTF-8 bytes [start, end) pass, else 0. `required`: bytes every passing string contains, so a column can
 * skip the rows without them (see `occurrences`).
 */
type BytesTest = ((bytes: Uint8Array, start: number, end: number) => number) & { required?: Uint8Array };

/** Shorter required bytes occur in too many rows for a search per occurrence to beat testing each row. */
const MIN_REQUIRED = 4;

/**
 * Whether `w` occurs within [start, end) of `bytes`, asked for ascending, non-overlapping ranges. The column's bytes
 * are searched natively (Buffer#indexOf) from one occurrence to the next, so the rows between two occurrences (most
 * rows, for a word like `%special%`) cost a compare each instead of a byte loop.
 */
function occurrences(bytes: Uint8Array, w: Uint8Array): (start: number, end: number) => boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the first occurrence at or after the last range's start (-1: none; -2: not searched yet)
  let next = -2;
  return (start, end) => {
    if (next !== -1 && next < start) next = buf.indexOf(w, start);
    return next !== -1 && next + w.length <= end;
  };
}

/** `test` of the byte ranges [offsets[i], offsets[i + 1]) for i = at(k), k < m, ascending, into `out[k]` (xor flip). */
function testRanges(test: BytesTest, bytes: Uint8Array, offsets: Int32Array, at: Int32Array | null, from: number, m: number, flip: number, out: Uint8Array): void {
  const w = test.required;
  if (w === undefined || w.length < MIN_REQUIRED) {
    for (let k = from; k < m; k++) {
      const i = at === null ? k : at[k]!;
      out[k] = test(bytes, offsets[i]!, offsets[i + 1]!) ^ flip;
    }
    return;
  }
  const has = occurrences(bytes, w);
  for (let k = from; k < m; k++) {
    const i = at === null ? k : at[k]!;
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    out[k] = (has(s, e) ? test(bytes, s, e) : 0) ^ flip;
  }
}

/**
 * String predicates over a column still in Arrow form, tested on UTF-8 bytes: `column = 'text'`, `!=`,
 * `IN ('a', 'b', ...)`, `LIKE` patterns of literal text and `%` (UTF-8 is self-synchronizing, so a byte-level
 * substring is a character-level one), and NOT of those. A dictionary-encoded column (cached tables) tests each
 * dictionary entry once and then selects rows by their codes; a plain UTF-8 column is tested in place. No JS string
 * is made for any row. Unmatched rows of an IN list holding NULL are NULL, which a filter drops as it drops false
 * (so NOT of such a list selects nothing).
 */
function stringLiterals(b: Bound): Narrow | null {
  const p = stringTest(b);
  if (p === null) return null;
  if (p.test === null) return () => 0;
  const { col, test, flip } = p;
  const fallback = evaluated(b);
  // the dictionary whose entries were tested, and how many of them (a cached block's dictionary grows)
  let dictKey: object | null = null;
  let entryMatch = new Uint8Array(0);
  let matched = 0;
  // the test's result per selected row of a plain UTF-8 batch (reused across batches)
  let rowMatch = new Uint8Array(0);
  const ord = col.ordinal;
  return (batch, sel, m, out) => {
    const src = keySource(batch, col, () => batch.columns[ord]!);
    const nulls = src.dict?.nulls ?? src.utf8?.nulls ?? null;
    let j = 0;
    if (src.dict) {
      const { indices, offsets, bytes, size, key } = src.dict;
      if (key !== dictKey || size < matched) [dictKey, matched] = [key, 0];
      if (entryMatch.length < size) {
        const grown = new Uint8Array(Math.max(size, 2 * entryMatch.length));
        grown.set(entryMatch.subarray(0, matched));
        entryMatch = grown;
      }
      testRanges(test, bytes, offsets, null, matched, size, flip, entryMatch);
      matched = size;
      const em = entryMatch;
      for (let k = 0; k < m; k++) {
        const r = sel === null ? k : sel[k]!;
        out[j] = r;
        j += em[indices[r]!]! & (nulls === null ? 1 : nulls[r]! ^ 1);
      }
      return j;
    }
    if (src.utf8) {
      const { offsets, bytes } = src.utf8;
      if (rowMatch.length < m) rowMatch = new Uint8Array(Math.max(m, 2 * rowMatch.length));
      const rm = rowMatch;
      testRanges(test, bytes, offsets, sel, 0, m, flip, rm);
      for (let k = 0; k < m; k++) {
        const r = sel === null ? k : sel[k]!;
        out[j] = r;
        j += rm[k]! & (nulls === null ? 1 : nulls[r]! ^ 1);
      }
      return j;
    }
    return fallback(batch, sel, m, out);
  };
}

type InputBound = Extract<Bound, { kind: 'input' }>;

/**
 * The byte test of a string predicate on one column (`test` null: true for no row), `flip` 1 for its negation,
 * `nullable` when it is NULL rather than false at unmatched rows; null when `b` is not one.
 */
function stringTest(b: Bound): { col: InputBound; test: BytesTest | null; flip: number; nullable: boolean } | null {
  if (b.kind !== 'unary' || b.op !== 'not') return plainStringTest(b);
  const inner = stringTest(b.child);
  if (inner === null || inner.test === null) return inner;
  // NOT NULL is NULL: a predicate that is NULL at its unmatched rows is nowhere true when negated
  if (inner.nullable) return { ...inner, test: null };
  return { ...inner, flip: inner.flip ^ 1 };
}

function plainStringTest(b: Bound): { col: InputBound; test: BytesTest | null; flip: number; nullable: boolean } | null {
  let col: Bound;
  let lits: Bound[];
  let flip = 0;
  let like = false;
  if (b.kind === 'binary' && (b.op === '=' || b.op === '!=')) {
    [col, lits] = b.left.kind === 'literal' ? [b.right, [b.left]] : [b.left, [b.right]];
    flip = b.op === '!=' ? 1 : 0;
  } else if (b.kind === 'binary' && b.op === 'like') {
    [col, lits] = [b.left, [b.right]];
    like = true;
  } else if (b.kind === 'in') [col, lits] = [b.child, b.list];
  else return null;
  if (col.kind !== 'input' || col.type !== 'string' || !lits.every((l) => l.kind === 'literal' && l.type === 'string')) return null;
  const values = lits.map((l) => (l as { value: unknown }).value);
  const texts = values.filter((v): v is string => typeof v === 'string');
  const nullable = texts.length !== values.length;
  if (texts.length === 0) return { col, test: null, flip, nullable };
  const test = like ? likeBytes(texts[0]!) : equalsAny(texts.map((t) => utf8.encode(t)));
  return test && { col, test, flip, nullable };
}

function equalsAny(wanted: Uint8Array[]): BytesTest {
  return (bytes, start, end) => {
    for (const w of wanted) if (end - start === w.length && startsWith(bytes, start, w)) return 1;
    return 0;
  };
}

function startsWith(bytes: Uint8Array, at: number, w: Uint8Array): boolean {
  for (let i = 0; i < w.length; i++) if (bytes[at + i] !== w[i]) return false;
  return true;
}

/** A LIKE pattern of literal text and `%` as a byte test; null for `_` and escapes (the evaluator takes those). */
function likeBytes(pattern: string): BytesTest | null {
  if (pattern.includes('_') || pattern.includes('\\')) return null;
  const parts = pattern.split('%').map((t) => utf8.encode(t));
  if (parts.length === 1) return equalsAny(parts);
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((p) => p.length > 0);
  const test: BytesTest = (bytes, start, end) => {
    if (end - start < head.length + tail.length || !startsWith(bytes, start, head) || !startsWith(bytes, end - tail.length, tail)) return 0;
    let at = start + head.length;
    const stop = end - tail.length;
    for (const w of middle) {
      const found = indexOfBytes(bytes, w, at, stop);
      if (found < 0) return 0;
      at = found + w.length;
    }
    return 1;
  };
  // The longest middle part: head and tail are checked at fixed places, which costs no search.
  const longest = middle.reduce<Uint8Array | undefined>((a, w) => (a === undefined || w.length > a.length ? w : a), undefined);
  if (longest !== undefined) test.required = longest;
  return test;
}

/** The first index in [from, to - w.length] where `w` occurs in `bytes`, or -1. */
function indexOfBytes(bytes: Uint8Array, w: Uint8Array, from: number, to: number): number {
  const first = w[0]!;
  const last = to - w.length;
  for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    let k = 1;
    while (k < w.length && bytes[i + k] === w[k]) k++;
    if (k === w.length) return i;
  }
  return -1;
}

// -------------------------------------------------------------------------------------- any predicate

/**
 * Any predicate, through compileBound: over the whole batch when more than half its rows are still selected
 * (cheaper than gathering; on an SQL error it retries on the selected rows only, which may be the ones that do not
 * raise), else over a gathered copy of the selected rows' inputs.
 */
function evaluated(b: Bound): Narrow {
  const run = compileBound(b);
  const inputs = [...inputsOf(b)];
  return (batch, sel, m, out) => {
    const cols = batch.columns;
    const n = batch.length;
    if (sel === null) return keepTrue(run(cols, n), null, n, out);
    if (m * 2 > n) {
      let full: Vec | null = null;
      try {
        full = run(cols, n);
      } catch (e) {
        if (!(e instanceof SqlError)) throw e;
      }
      if (full !== null) return keepTrueAt(full, sel, m, out);
    }
    const rows = sel.subarray(0, m);
    return keepTrue(run(gatherInputs(cols, inputs, rows), m), rows, m, out);
  };
}

/** Rows `i < n` (or `rows[i]`) where the boolean column `v` is true and not NULL. */
function keepTrue(v: Vec, rows: Int32Array | null, n: number, out: Int32Array): number {
  const a = v.values as Uint8Array;
  const nulls = v.nulls;
  let j = 0;
  for (let i = 0; i < n; i++) {
    out[j] = rows === null ? i : rows[i]!;
    j += (a[i]! & (nulls === null ? 1 : 1 - nulls[i]!)) | 0;
  }
  return j;
}

/** The rows of `sel[0..m)` where the full-length boolean column `v` is true and not NULL. */
function keepTrueAt(v: Vec, sel: Int32Array, m: number, out: Int32Array): number {
  const a = v.values as Uint8Array;
  const nulls = v.nulls;
  let j = 0;
  for (let k = 0; k < m; k++) {
    const r = sel[k]!;
    out[j] = r;
    j += (a[r]! & (nulls === null ? 1 : 1 - nulls[r]!)) | 0;
  }
  return j;
}
