import type { BinaryOp } from '../expr/ast.js';
import { BooleanType, StringType, type DataType } from '../types/data-types.js';
import type { Bound } from './bound.js';
import { arithmetic, comparison, negate } from './arith.js';
import { castSlot, castVec } from './cast.js';
import { resolveBinary, resolveCase, resolveIn, resolveUnary } from './coercion.js';
import { equalityFor, hashKeyFor } from './compare.js';
import { SqlError } from './errors.js';
import { exactDecimalVec, exactOf, retype } from './exact-decimal.js';
import { structuralKey } from '../plan/plan-key.js';
import { lookupFunction } from './function-registry.js';
import { javaRegex, likeMatcher } from './regex.js';
import { kindOf, sameType, typeOf } from './types.js';
import { toSlot } from './values.js';
import { allocValues, constVec, nullVec, scatterInto, takeVec, unionNulls } from './vec-util.js';
import type { Vec } from './vec.js';
import '../functions/index.js';

/**
 * Column-at-a-time interpretation of Bound trees. `compileBound` turns a tree into a tree of closures once (types
 * parsed, implicit casts inserted, kernels picked per type); each call then runs one tight loop per node over
 * typed arrays. Semantics are Spark 4's with ANSI mode on (see docs/SQL-FUNCTIONS.md).
 *
 * Conditional forms (CASE, IF, COALESCE/NVL, AND, OR) are lazy as in Spark: a branch that raises an error on rows
 * it was not selected for (`CASE WHEN x = 0 THEN 0 ELSE 1 / x END`) does not fail the query. They first run the
 * branch over the whole batch, and only if that raises re-run it on the selected rows alone.
 */

export type CompiledExpr = (columns: Vec[], length: number) => Vec;

interface Node {
  type: DataType;
  run: CompiledExpr;
  /** Slot value of a literal (null for NULL), when the node is one. */
  constant?: { slot: unknown };
  /** Input ordinals the node reads (for evaluating on a subset of rows). */
  inputs: number[];
}

const compiled = new WeakMap<Bound, CompiledExpr>();

/** Compiles a Bound tree into a function of a batch's columns (cached per Bound object). */
export function compileBound(bound: Bound): CompiledExpr {
  let f = compiled.get(bound);
  if (!f) {
    f = entry(compile(bound));
    compiled.set(bound, f);
  }
  return f;
}

function entry(node: Node): CompiledExpr {
  const type = node.type;
  const run = node.run;
  return (columns, length) => {
    const v = run(columns, length);
    return v.type === type ? v : retype(v, type);
  };
}

/**
 * Compiles several expressions evaluated over the same batches (an aggregate's arguments, a projection's columns)
 * so that a subexpression occurring more than once runs once per batch, as Spark's subexpression elimination
 * does: TPC-H Q01's `l_extendedprice * (1 - l_discount)` inside two sums. The shared node keeps its last result
 * for the columns array it was given, so callers must pass one array per batch (a batch's `columns`).
 */
export function compileShared(bounds: Bound[]): CompiledExpr[] {
  const uses = new Map<string, number>();
  const count = (b: Bound): void => {
    if (b.kind === 'input' || b.kind === 'literal') return;
    const key = structuralKey(b);
    uses.set(key, (uses.get(key) ?? 0) + 1);
    forEachChild(b, count);
  };
  bounds.forEach(count);
  const prev = sharing;
  sharing = { uses, nodes: new Map() };
  try {
    return bounds.map((b) => entry(compile(b)));
  } finally {
    sharing = prev;
  }
}

function forEachChild(b: Bound, f: (child: Bound) => void): void {
  switch (b.kind) {
    case 'unary':
    case 'cast':
      return f(b.child);
    case 'binary':
      f(b.left);
      return f(b.right);
    case 'case':
      for (const x of b.branches) f(x.when), f(x.then);
      if (b.otherwise) f(b.otherwise);
      return;
    case 'in':
      f(b.child);
      return b.list.forEach(f);
    case 'call':
      return b.args.forEach(f);
  }
}

/** While compileShared runs: how often each subexpression occurs, and the shared nodes made so far. */
let sharing: { uses: Map<string, number>; nodes: Map<string, Node> } | null = null;

function compile(b: Bound): Node {
  if (sharing === null || b.kind === 'input' || b.kind === 'literal') return compileNode(b);
  const key = structuralKey(b);
  if ((sharing.uses.get(key) ?? 0) < 2) return compileNode(b);
  let node = sharing.nodes.get(key);
  if (!node) {
    node = memoized(compileNode(b));
    sharing.nodes.set(key, node);
  }
  return node;
}

function memoized(node: Node): Node {
  const run = node.run;
  let lastColumns: Vec[] | null = null;
  let lastLength = -1;
  let last: Vec | null = null;
  return {
    ...node,
    run: (c, n) => {
      if (c !== lastColumns || n !== lastLength) {
        last = run(c, n);
        lastColumns = c;
        lastLength = n;
      }
      return last!;
    },
  };
}

/** Evaluates a Bound tree over one batch. */
export function evaluate(bound: Bound, columns: Vec[], length: number): Vec {
  return compileBound(bound)(columns, length);
}

// ------------------------------------------------------------------------------------------------ compile

function compileNode(b: Bound): Node {
  switch (b.kind) {
    case 'input': {
      const ord = b.ordinal;
      const type = typeOf(b.type);
      return {
        type,
        inputs: [ord],
        run: (cols) => {
          const v = cols[ord];
          if (!v) throw new SqlError('INTERNAL_ERROR', `column #${ord} is missing from the batch (it has ${cols.length})`);
          return v;
        },
      };
    }
    case 'literal':
      return literalNode(b.value, typeOf(b.type));
    case 'cast': {
      const child = compile(b.child);
      return castNode(child, typeOf(b.type), b.ansi);
    }
    case 'unary':
      return compileUnary(b.op, compile(b.child));
    case 'binary':
      return compileBinary(b.op, compile(b.left), compile(b.right), typeOf(b.type), b);
    case 'case':
      return compileCase(b, typeOf(b.type));
    case 'in':
      return compileIn(compile(b.child), b.list.map(compile));
    case 'call':
      return compileCall(b.name, b.args.map(compile), typeOf(b.type));
  }
}

export function literalNode(value: unknown, type: DataType): Node {
  let slot: unknown;
  try {
    slot = toSlot(type)(value);
  } catch (e) {
    if (typeof value !== 'string') throw e;
    // A string literal typed as something else reads as CAST(value AS type), raising when evaluated.
    const t = type;
    return { type, inputs: [], run: (_c, n) => constVec(t, castSlot(value, StringType, t, true), n) };
  }
  return { type, inputs: [], constant: { slot }, run: constantRun(type, slot) };
}

/**
 * A literal's column for batches of any length. Batches after a filter all differ in length, so one column as long
 * as the longest batch so far is kept and shorter ones are views of it (typed values); columns are never written
 * by their readers.
 */
function constantRun(type: DataType, slot: unknown): CompiledExpr {
  let longest: Vec | null = null;
  let last: Vec | null = null;
  return (_c, n) => {
    if (last !== null && last.length === n) return last;
    if (longest === null || longest.length < n) longest = last = constVec(type, slot, n);
    else last = prefix(longest, n) ?? constVec(type, slot, n);
    return last;
  };
}

/** The first n rows of a constant column as views of its typed arrays (or of its exact form), else null. */
function prefix(v: Vec, n: number): Vec | null {
  const exact = exactOf(v);
  const nulls = v.nulls === null ? null : v.nulls.subarray(0, n);
  if (exact !== null) return exactDecimalVec(v.type, exact.subarray(0, n), nulls, n);
  return ArrayBuffer.isView(v.values) ? { type: v.type, length: n, values: (v.values as Uint8Array).subarray(0, n), nulls } : null;
}

function inputsOf(...nodes: Node[]): number[] {
  const s = new Set<number>();
  for (const n of nodes) for (const i of n.inputs) s.add(i);
  return [...s];
}

/** Casts a node to `to` (no-op when the types match; literals are folded). */
export function castNode(child: Node, to: DataType, ansi = true): Node {
  if (sameType(child.type, to)) return child.type === to ? child : { ...child, type: to };
  if (child.constant) {
    try {
      const slot = castSlot(child.constant.slot, child.type, to, ansi);
      return { type: to, inputs: [], constant: { slot }, run: constantRun(to, slot) };
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      // Raise when evaluated (a branch never taken must not fail).
    }
  }
  const run = child.run;
  return { type: to, inputs: child.inputs, run: (c, n) => castVec(run(c, n), to, ansi) };
}

// ------------------------------------------------------------------------------------ lazy evaluation

/** Columns restricted to `rows` (only the ordinals the node reads). */
export function gatherInputs(cols: Vec[], inputs: number[], rows: Int32Array): Vec[] {
  const out: Vec[] = new Array(cols.length);
  for (const i of inputs) if (cols[i]) out[i] = takeVec(cols[i]!, rows);
  return out;
}

/**
 * Runs `node` for the rows listed in `rows` (ascending) and returns a full-length column whose values are defined
 * at those rows. When at most half the rows are wanted, evaluates those only (its inputs gathered): the later
 * conjuncts of a filter then run on the rows the earlier ones kept, as Spark's short-circuit evaluation does
 * (TPC-H Q06's and Q19's decimal comparisons on lineitem). Otherwise tries the whole batch first (cheaper than
 * gathering) and, on an SQL error, evaluates the selected rows only.
 */
function evalRows(node: Node, cols: Vec[], n: number, rows: Int32Array): Vec {
  if (rows.length === 0) return nullVec(node.type, n);
  if (rows.length === n || node.constant) return node.run(cols, n);
  if (rows.length * 2 > n) {
    try {
      return node.run(cols, n);
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
    }
  }
  const sub = node.run(gatherInputs(cols, node.inputs, rows), rows.length);
  const values = allocValues(node.type, n);
  const nulls = new Uint8Array(n).fill(1);
  scatterInto(sub, rows, values, nulls);
  return { type: node.type, length: n, values, nulls };
}

function allRows(n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

// ----------------------------------------------------------------------------------------------- unary

function compileUnary(op: 'not' | 'negate' | 'isNull' | 'isNotNull' | 'isNaN', child0: Node): Node {
  const typing = resolveUnary(op, child0.type);
  const child = castNode(child0, typing.child);
  const run = child.run;
  const inputs = child.inputs;
  switch (op) {
    case 'not':
      return {
        type: BooleanType,
        inputs,
        run: (c, n) => {
          const v = run(c, n);
          const a = v.values as Uint8Array;
          const out = new Uint8Array(n);
          for (let i = 0; i < n; i++) out[i] = a[i]! ^ 1;
          return { type: BooleanType, length: n, values: out, nulls: v.nulls };
        },
      };
    case 'isNull':
    case 'isNotNull': {
      const want = op === 'isNull' ? 1 : 0;
      return {
        type: BooleanType,
        inputs,
        run: (c, n) => {
          const v = run(c, n);
          const out = new Uint8Array(n);
          if (v.nulls) for (let i = 0; i < n; i++) out[i] = v.nulls[i] === want ? 1 : 0;
          else if (want === 0) out.fill(1);
          return { type: BooleanType, length: n, values: out, nulls: null };
        },
      };
    }
    case 'isNaN':
      return {
        type: BooleanType,
        inputs,
        run: (c, n) => {
          const v = run(c, n);
          const a = v.values as Float64Array;
          const out = new Uint8Array(n);
          const nulls = v.nulls;
          for (let i = 0; i < n; i++) {
            const x = a[i]!;
            out[i] = x !== x && !(nulls !== null && nulls[i] === 1) ? 1 : 0;
          }
          return { type: BooleanType, length: n, values: out, nulls: null };
        },
      };
    case 'negate': {
      const t = child.type;
      return { type: t, inputs, run: (c, n) => negate(run(c, n), n) };
    }
  }
}

// ---------------------------------------------------------------------------------------------- binary

function compileBinary(op: BinaryOp, l0: Node, r0: Node, boundType: DataType, bound: Bound): Node {
  const hints = {
    leftLiteral: bound.kind === 'binary' && bound.left.kind === 'literal' ? bound.left.value : undefined,
    rightLiteral: bound.kind === 'binary' && bound.right.kind === 'literal' ? bound.right.value : undefined,
  };
  const typing = resolveBinary(op, l0.type, r0.type, hints);
  const l = castNode(l0, typing.left);
  const r = castNode(r0, typing.right);
  const inputs = inputsOf(l, r);
  switch (op) {
    case 'and':
    case 'or':
      return logicNode(op, l, r);
    case 'like':
    case 'rlike':
      return matchNode(op, l, r);
    case '=':
    case '<=>':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { type: BooleanType, inputs, run: binaryRunner(l, r, comparison(op, l.type)) };
  }
  let resultType = typing.result;
  if (kindOf(resultType) === 'decimal' && kindOf(boundType) === 'decimal') resultType = boundType;
  return { type: resultType, inputs, run: binaryRunner(l, r, arithmetic(op, l.type, r.type, resultType, true)) };
}

function binaryRunner(l: Node, r: Node, f: (lv: Vec, rv: Vec, n: number) => Vec): CompiledExpr {
  const lr = l.run;
  const rr = r.run;
  return (c, n) => f(lr(c, n), rr(c, n), n);
}

/** Three-valued AND / OR, right side lazy. */
function logicNode(op: 'and' | 'or', l: Node, r: Node): Node {
  const stop = op === 'and' ? 0 : 1; // the left value that decides the result alone
  const lr = l.run;
  return {
    type: BooleanType,
    inputs: inputsOf(l, r),
    run: (c, n) => {
      const lv = lr(c, n);
      const la = lv.values as Uint8Array;
      const ln = lv.nulls;
      if (ln === null) return decidedLeft(stop, la, c, n, r);
      let need = 0;
      for (let i = 0; i < n; i++) if ((ln !== null && ln[i] === 1) || la[i] !== stop) need++;
      if (need === 0) return lv;
      let rv: Vec;
      if (need === n) rv = r.run(c, n);
      else {
        const rows = new Int32Array(need);
        let j = 0;
        for (let i = 0; i < n; i++) if ((ln !== null && ln[i] === 1) || la[i] !== stop) rows[j++] = i;
        rv = evalRows(r, c, n, rows);
      }
      const ra = rv.values as Uint8Array;
      const rn = rv.nulls;
      const out = new Uint8Array(n);
      let nulls: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const lnull = ln !== null && ln[i] === 1;
        if (!lnull && la[i] === stop) {
          out[i] = stop;
          continue;
        }
        const rnull = rn !== null && rn[i] === 1;
        if (!rnull && ra[i] === stop) out[i] = stop;
        else if (lnull || rnull) (nulls ??= new Uint8Array(n))[i] = 1;
        else out[i] = 1 - stop;
      }
      return { type: BooleanType, length: n, values: out, nulls };
    },
  };
}

/**
 * AND / OR when the left side has no NULLs (the common case): the rows it leaves undecided (true for AND, false for
 * OR) take the right side's value, the others keep the left's. Loops without a branch on the data: a filter's
 * conjunct keeps a row or not unpredictably, and a mispredicted branch per row cost more than the comparisons.
 */
function decidedLeft(stop: number, la: Uint8Array, c: Vec[], n: number, r: Node): Vec {
  let need = 0; // la[i] ^ stop is 1 at a row the left side leaves undecided
  for (let i = 0; i < n; i++) need += la[i]! ^ stop;
  if (need === 0) return { type: BooleanType, length: n, values: la, nulls: null };
  let full: Vec | null = null;
  if (need === n || r.constant) full = r.run(c, n);
  else if (need * 2 > n) {
    // cheaper than gathering the inputs, unless it raises for a row the left side decided
    try {
      full = r.run(c, n);
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
    }
  }
  const out = new Uint8Array(n);
  if (full !== null) {
    const ra = full.values as Uint8Array;
    const rn = full.nulls;
    if (rn === null) {
      if (stop === 0) for (let i = 0; i < n; i++) out[i] = la[i]! & ra[i]!;
      else for (let i = 0; i < n; i++) out[i] = la[i]! | ra[i]!;
      return { type: BooleanType, length: n, values: out, nulls: null };
    }
    // NULL where the left leaves the row undecided and the right is NULL
    const nulls = new Uint8Array(n);
    let any = 0;
    for (let i = 0; i < n; i++) {
      const u = la[i]! ^ stop;
      const rv = ra[i]! & (1 - rn[i]!);
      nulls[i] = u & rn[i]!;
      any |= nulls[i]!;
      out[i] = stop === 0 ? la[i]! & rv : la[i]! | rv;
    }
    return { type: BooleanType, length: n, values: out, nulls: any ? nulls : null };
  }
  const rows = new Int32Array(need + 1); // one slot past the end: the branchless loop writes there and moves on
  let j = 0;
  for (let i = 0; i < n; i++) {
    rows[j] = i;
    j += la[i]! ^ stop;
  }
  const sel = rows.subarray(0, need);
  const sub = r.run(gatherInputs(c, r.inputs, sel), need);
  const sa = sub.values as Uint8Array;
  const sn = sub.nulls;
  if (stop === 1) out.set(la);
  let nulls: Uint8Array | null = null;
  for (let k = 0; k < need; k++) out[sel[k]!] = sa[k]!;
  if (sn !== null) {
    for (let k = 0; k < need; k++) {
      if (sn[k] !== 1) continue;
      out[sel[k]!] = 0;
      (nulls ??= new Uint8Array(n))[sel[k]!] = 1;
    }
  }
  return { type: BooleanType, length: n, values: out, nulls };
}

function matchNode(op: 'like' | 'rlike', l: Node, r: Node): Node {
  const lr = l.run;
  const rr = r.run;
  const constPattern = r.constant && r.constant.slot !== null ? (r.constant.slot as string) : null;
  const make = (p: string): ((s: string) => boolean) => {
    if (op === 'like') return likeMatcher(p);
    const re = javaRegex(p, 'rlike');
    return (s) => re.test(s);
  };
  let fixed: ((s: string) => boolean) | null = null;
  return {
    type: BooleanType,
    inputs: inputsOf(l, r),
    run: (c, n) => {
      const lv = lr(c, n);
      const rv = rr(c, n);
      const nulls = unionNulls([lv, rv], n);
      const out = new Uint8Array(n);
      const s = lv.values as string[];
      if (constPattern !== null) {
        const m = (fixed ??= make(constPattern));
        for (let i = 0; i < n; i++) if (!(nulls !== null && nulls[i] === 1) && m(s[i]!)) out[i] = 1;
      } else {
        const p = rv.values as string[];
        for (let i = 0; i < n; i++) if (!(nulls !== null && nulls[i] === 1) && make(p[i]!)(s[i]!)) out[i] = 1;
      }
      return { type: BooleanType, length: n, values: out, nulls };
    },
  };
}

// ------------------------------------------------------------------------------------------------- CASE

function compileCase(b: Extract<Bound, { kind: 'case' }>, boundType: DataType): Node {
  const whens0 = b.branches.map((x) => compile(x.when));
  const thens0 = b.branches.map((x) => compile(x.then));
  const else0 = b.otherwise ? compile(b.otherwise) : null;
  const typing = resolveCase(
    whens0.map((w) => w.type),
    [...thens0.map((t) => t.type), ...(else0 ? [else0.type] : [])],
  );
  const type = sameType(typing.result, boundType) || kindOf(typing.result) === 'null' ? boundType : typing.result;
  const whens = whens0.map((w) => castNode(w, BooleanType));
  const thens = thens0.map((t) => castNode(t, type));
  const otherwise = else0 ? castNode(else0, type) : null;
  return {
    type,
    inputs: inputsOf(...whens, ...thens, ...(otherwise ? [otherwise] : [])),
    run: (c, n) => {
      const out = allocValues(type, n);
      const outNulls = new Uint8Array(n).fill(1);
      let remaining = allRows(n);
      for (let k = 0; k < whens.length && remaining.length > 0; k++) {
        const cond = evalRows(whens[k]!, c, n, remaining);
        const cv = cond.values as Uint8Array;
        const cn = cond.nulls;
        const r = remaining;
        const rn = r.length;
        let hits = 0;
        for (let j = 0; j < rn; j++) {
          const i = r[j]!;
          if (cv[i] === 1 && !(cn !== null && cn[i] === 1)) hits++;
        }
        if (hits === 0) continue;
        const matched = new Int32Array(hits);
        const rest = new Int32Array(rn - hits);
        let h = 0;
        let m = 0;
        for (let j = 0; j < rn; j++) {
          const i = r[j]!;
          if (cv[i] === 1 && !(cn !== null && cn[i] === 1)) matched[h++] = i;
          else rest[m++] = i;
        }
        copyRows(evalRows(thens[k]!, c, n, matched), matched, out, outNulls);
        remaining = rest;
      }
      if (otherwise && remaining.length > 0) copyRows(evalRows(otherwise, c, n, remaining), remaining, out, outNulls);
      return { type, length: n, values: out, nulls: outNulls };
    },
  };
}

function copyRows(v: Vec, rows: Int32Array, out: any, outNulls: Uint8Array): void {
  const src = v.values;
  const sn = v.nulls;
  const m = rows.length;
  if (sn === null) {
    for (let j = 0; j < m; j++) {
      const i = rows[j]!;
      out[i] = src[i];
      outNulls[i] = 0;
    }
    return;
  }
  for (let j = 0; j < m; j++) {
    const i = rows[j]!;
    if (sn[i] === 1) continue;
    out[i] = src[i];
    outNulls[i] = 0;
  }
}

// --------------------------------------------------------------------------------------------------- IN

function compileIn(child0: Node, list0: Node[]): Node {
  const typing = resolveIn(
    child0.type,
    list0.map((x) => x.type),
  );
  const t = typing.child;
  const child = castNode(child0, t);
  const list = list0.map((x) => castNode(x, t));
  const inputs = inputsOf(child, ...list);
  const cr = child.run;
  if (list.every((x) => x.constant)) {
    const key = hashKeyFor(t);
    const set = new Set<unknown>();
    let hasNull = false;
    for (const x of list) {
      const s = x.constant!.slot;
      if (s === null) hasNull = true;
      else set.add(key(s));
    }
    return {
      type: BooleanType,
      inputs,
      run: (c, n) => {
        const v = cr(c, n);
        const a = v.values;
        const vn = v.nulls;
        const out = new Uint8Array(n);
        let nulls: Uint8Array | null = vn ? vn.slice(0, n) : null;
        for (let i = 0; i < n; i++) {
          if (vn !== null && vn[i] === 1) continue;
          if (set.has(key(a[i]))) out[i] = 1;
          else if (hasNull) (nulls ??= new Uint8Array(n))[i] = 1;
        }
        return { type: BooleanType, length: n, values: out, nulls };
      },
    };
  }
  const eq = equalityFor(t);
  return {
    type: BooleanType,
    inputs,
    run: (c, n) => {
      const v = cr(c, n);
      const items = list.map((x) => x.run(c, n));
      const a = v.values;
      const vn = v.nulls;
      const out = new Uint8Array(n);
      let nulls: Uint8Array | null = vn ? vn.slice(0, n) : null;
      for (let i = 0; i < n; i++) {
        if (vn !== null && vn[i] === 1) continue;
        let sawNull = false;
        let found = false;
        for (const it of items) {
          if (it.nulls !== null && it.nulls[i] === 1) sawNull = true;
          else if (eq(a[i], it.values[i])) {
            found = true;
            break;
          }
        }
        if (found) out[i] = 1;
        else if (sawNull) (nulls ??= new Uint8Array(n))[i] = 1;
      }
      return { type: BooleanType, length: n, values: out, nulls };
    },
  };
}

// ------------------------------------------------------------------------------------------------ calls

const LAZY = new Set(['coalesce', 'nvl', 'ifnull', 'if', 'nvl2']);

function compileCall(name: string, args0: Node[], boundType: DataType): Node {
  const lname = name.toLowerCase();
  const f = lookupFunction(lname);
  if (!f) {
    throw new SqlError('UNRESOLVED_ROUTINE', `Cannot resolve routine \`${name}\`; see docs/SQL-FUNCTIONS.md for the functions Kindling has.`, {
      sqlState: '42883',
    });
  }
  const typing = f.resolve(
    args0.map((a) => a.type),
    args0.map((a) => (a.constant ? a.constant.slot : undefined)),
  );
  const args = args0.map((a, i) => castNode(a, typing.argTypes[i] ?? a.type));
  const returnType = kindOf(boundType) === 'null' && kindOf(typing.returnType) !== 'null' ? typing.returnType : boundType;
  const inputs = inputsOf(...args);
  if (LAZY.has(lname)) return lazyCall(lname, args, returnType, inputs);
  const evalFn = f.evaluate.bind(f);
  const runs = args.map((a) => a.run);
  return {
    type: returnType,
    inputs,
    run: (c, n) => {
      const vs = new Array<Vec>(runs.length);
      for (let i = 0; i < runs.length; i++) vs[i] = runs[i]!(c, n);
      return evalFn(vs, n, returnType);
    },
  };
}

function lazyCall(name: string, args: Node[], type: DataType, inputs: number[]): Node {
  if (name === 'if' || name === 'nvl2') {
    // if(cond, a, b); nvl2(x, a, b) = if(x is not null, a, b)
    const [cond, a, b] = args as [Node, Node, Node];
    return {
      type,
      inputs,
      run: (c, n) => {
        const cv = cond.run(c, n);
        const yes: number[] = [];
        const no: number[] = [];
        for (let i = 0; i < n; i++) {
          const isNull = cv.nulls !== null && cv.nulls[i] === 1;
          const take = name === 'nvl2' ? !isNull : !isNull && cv.values[i] === 1;
          (take ? yes : no).push(i);
        }
        const out = allocValues(type, n);
        const outNulls = new Uint8Array(n).fill(1);
        const ry = Int32Array.from(yes);
        const rn = Int32Array.from(no);
        if (ry.length) copyRows(evalRows(a, c, n, ry), ry, out, outNulls);
        if (rn.length) copyRows(evalRows(b, c, n, rn), rn, out, outNulls);
        return { type, length: n, values: out, nulls: outNulls };
      },
    };
  }
  // coalesce / nvl / ifnull: first non-null, later arguments only where needed
  return {
    type,
    inputs,
    run: (c, n) => {
      const first = args[0]!.run(c, n);
      if (first.nulls === null || args.length === 1) return first;
      const out = allocValues(type, n);
      const outNulls = new Uint8Array(n).fill(1);
      copyRows(first, allRows(n), out, outNulls);
      for (let k = 1; k < args.length; k++) {
        let cnt = 0;
        for (let i = 0; i < n; i++) if (outNulls[i] === 1) cnt++;
        if (cnt === 0) break;
        const rows = new Int32Array(cnt);
        let j = 0;
        for (let i = 0; i < n; i++) if (outNulls[i] === 1) rows[j++] = i;
        copyRows(evalRows(args[k]!, c, n, rows), rows, out, outNulls);
      }
      return { type, length: n, values: out, nulls: outNulls };
    },
  };
}

