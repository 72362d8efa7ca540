import type { BinaryOp } from '../expr/ast.js';
import { inputsOf } from '../optimizer/bound-utils.js';
import type { Bound } from '../eval/bound.js';
import { SqlError } from '../eval/errors.js';
import { compileBound } from '../eval/evaluate.js';
import { exactOf, MAX_EXACT } from '../eval/exact-decimal.js';
import { kindOf, typeOf } from '../eval/types.js';
import { toSlot } from '../eval/values.js';
import { takeVec } from '../eval/vec-util.js';
import type { Vec } from '../eval/vec.js';
import type { ColumnarBatch } from './columnar-batch.js';
import { keySource } from './hash-agg/key-encoders.js';

/**
 * A filter condition compiled to a selection: the ascending list of rows where it is true (neither false nor
 * NULL). A conjunction narrows the list conjunct by conjunct, so each later conjunct reads only the rows the
 * earlier ones kept, which is Spark's short-circuit AND: a conjunct that would raise on a row an earlier one
 * dropped does not fail the query. A conjunct comparing a column with a literal runs one branchless loop over the
 * kept rows (no boolean column, no gathered copy of its input); any other conjunct is evaluated by compileBound
 * over the kept rows.
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
  return literalComparison(b) ?? stringLiterals(b) ?? evaluated(b);
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
  let mode: Mode;
  let c: unknown = slot;
  switch (k) {
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
    case 'long':
    case 'timestamp':
      mode = 'num';
      break;
    case 'float':
    case 'double':
      mode = 'float';
      break;
    case 'decimal': {
      const d = Number(slot as bigint);
      if (!(d <= MAX_EXACT && d >= -MAX_EXACT)) return null;
      mode = 'exact';
      c = d;
      break;
    }
    default:
      return null;
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

type Kernel = (x: ArrayLike<any>, nulls: Uint8Array | null, c: any, sel: Int32Array | null, m: number, out: Int32Array) => number;

const kernels = new Map<string, Kernel>();

/**
 * The loop for one operator: `j += cond | 0` keeps it free of branches on the data, whose outcome a filter makes
 * unpredictable. Each (operator, form, column kind) is its own generated function so that every loop stays monomorphic. Spark
 * orders NaN above every double and equal to itself; `nan` is the form for a NaN literal.
 */
function selectKernel(op: BinaryOp, form: 'num' | 'float' | 'nan', columnKind: string): Kernel {
  const key = `${op}:${form}:${columnKind}`; // one function per array type too
  let k = kernels.get(key);
  if (k) return k;
  const cond = (x: string): string => {
    if (form === 'nan') return { '=': `${x} !== ${x}`, '!=': `${x} === ${x}`, '<': `${x} === ${x}`, '<=': 'true', '>': 'false', '>=': `${x} !== ${x}` }[op as string]!;
    if (form === 'float' && (op === '>' || op === '>=' || op === '!=')) return op === '!=' ? `${x} !== c` : `(${x} ${op} c || ${x} !== ${x})`;
    return `${x} ${op === '=' ? '===' : op === '!=' ? '!==' : op} c`;
  };
  const step = (row: string, nullable: boolean): string => `
      const x = v[${row}];
      out[j] = ${row};
      j += ${nullable ? `((${cond('x')}) & (nulls[${row}] ^ 1))` : `(${cond('x')})`} | 0;`;
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
 * `column = 'text'`, `column != 'text'` and `column IN ('a', 'b', ...)` over a string column still in Arrow form:
 * a dictionary-encoded column (cached tables) compares each dictionary entry's bytes once and then selects rows by
 * their codes; a plain UTF-8 column compares bytes in place. No JS string is made for any row. A NULL in the IN
 * list makes unmatched rows NULL, which a filter drops as it drops false.
 */
function stringLiterals(b: Bound): Narrow | null {
  let col: Bound;
  let lits: Bound[];
  let negate = false;
  if (b.kind === 'binary' && (b.op === '=' || b.op === '!=')) {
    [col, lits] = b.left.kind === 'literal' ? [b.right, [b.left]] : [b.left, [b.right]];
    negate = b.op === '!=';
  } else if (b.kind === 'in') [col, lits] = [b.child, b.list];
  else return null;
  if (col.kind !== 'input' || col.type !== 'string' || !lits.every((l) => l.kind === 'literal' && l.type === 'string')) return null;
  const texts = lits.map((l) => (l as { value: unknown }).value).filter((v): v is string => typeof v === 'string');
  if (texts.length === 0) return () => 0; // = NULL, IN (NULL): never true
  const wanted = texts.map((t) => utf8.encode(t));
  const fallback = evaluated(b);
  const matches = (bytes: Uint8Array, start: number, end: number): number => {
    for (const w of wanted) {
      if (end - start !== w.length) continue;
      let i = 0;
      while (i < w.length && bytes[start + i] === w[i]) i++;
      if (i === w.length) return 1;
    }
    return 0;
  };
  const flip = negate ? 1 : 0;
  // the dictionary whose entries were matched, and how many of them (a cached block's dictionary grows)
  let dictKey: object | null = null;
  let entryMatch = new Uint8Array(0);
  let matched = 0;
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
      for (; matched < size; matched++) entryMatch[matched] = matches(bytes, offsets[matched]!, offsets[matched + 1]!) ^ flip;
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
      for (let k = 0; k < m; k++) {
        const r = sel === null ? k : sel[k]!;
        out[j] = r;
        j += (matches(bytes, offsets[r]!, offsets[r + 1]!) ^ flip) & (nulls === null ? 1 : nulls[r]! ^ 1);
      }
      return j;
    }
    return fallback(batch, sel, m, out);
  };
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
    const sub: Vec[] = new Array(cols.length);
    for (const i of inputs) if (cols[i]) sub[i] = takeVec(cols[i]!, rows);
    return keepTrue(run(sub, m), rows, m, out);
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
