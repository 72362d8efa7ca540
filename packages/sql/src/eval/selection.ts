import type { BinaryOp } from '../expr/ast.js';
import { inputsOf } from '../optimizer/bound-utils.js';
import type { Bound } from './bound.js';
import { SqlError } from './errors.js';
import { compileBound } from './evaluate.js';
import { exactOf, MAX_EXACT } from './exact-decimal.js';
import { kindOf, typeOf } from './types.js';
import { toSlot } from './values.js';
import { takeVec } from './vec-util.js';
import type { Vec } from './vec.js';

/**
 * A filter condition compiled to a selection: the ascending list of rows where it is true (neither false nor
 * NULL). A conjunction narrows the list conjunct by conjunct, so each later conjunct reads only the rows the
 * earlier ones kept, which is Spark's short-circuit AND: a conjunct that would raise on a row an earlier one
 * dropped does not fail the query. A conjunct comparing a column with a literal runs one branchless loop over the
 * kept rows (no boolean column, no gathered copy of its input); any other conjunct is evaluated by compileBound
 * over the kept rows.
 */
export type SelectionFn = (columns: Vec[], length: number) => Selection;

/** `rows[0..count)` are the selected rows; `rows` is null when every row is selected. */
export interface Selection {
  rows: Int32Array | null;
  count: number;
}

/** Narrows `sel` (null: all `n` rows) to the rows where a conjunct holds, writing them to `out`; returns how many. */
type Narrow = (cols: Vec[], n: number, sel: Int32Array | null, m: number, out: Int32Array) => number;

const compiledSelections = new WeakMap<Bound, SelectionFn>();

export function compileSelection(condition: Bound): SelectionFn {
  let f = compiledSelections.get(condition);
  if (f) return f;
  const narrows = conjunctsOf(condition).map(narrowFor);
  f = (cols, n) => {
    let rows: Int32Array | null = null;
    let m = n;
    for (const narrow of narrows) {
      // Narrowing in place is safe: the k-th kept row is written at an index no larger than k.
      const out: Int32Array = rows ?? new Int32Array(n);
      m = narrow(cols, n, rows, m, out);
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
  return literalComparison(b) ?? evaluated(b);
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
  return (cols, n, sel, m, out) => {
    const v = cols[ord]!;
    const values = mode === 'exact' ? exactOf(v) : v.values;
    if (values === null) return fallback(cols, n, sel, m, out);
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

// -------------------------------------------------------------------------------------- any predicate

/**
 * Any predicate, through compileBound: over the whole batch when more than half its rows are still selected
 * (cheaper than gathering; on an SQL error it retries on the selected rows only, which may be the ones that do not
 * raise), else over a gathered copy of the selected rows' inputs.
 */
function evaluated(b: Bound): Narrow {
  const run = compileBound(b);
  const inputs = [...inputsOf(b)];
  return (cols, n, sel, m, out) => {
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
