import { intervalArithmetic, isIntervalArithmetic } from './interval.js';
import type { BinaryOp } from '../expr/ast.js';
import { BooleanType, DecimalType, type DataType } from '../types/data-types.js';
import { comparatorFor } from './compare.js';
import { decimalToString, divHalfUp, fitsPrecision, pow10, rescale } from './decimal.js';
import { exactDecimalVec, exactOf, MAX_EXACT, MAX_EXACT_POW, POW10_NUM, toExact } from './exact-decimal.js';
import { SqlError, arithmeticOverflow, binaryArithmeticOverflow, divideByZero, numericValueOutOfRange } from './errors.js';
import { kindOf, type Kind } from './types.js';
import { allocValues, copyNulls, nullVec, unionNulls } from './vec-util.js';
import type { Vec } from './vec.js';

/**
 * Arithmetic and comparison kernels over columns. Each (operator, type) pair gets its own generated loop
 * (`new Function`, cached), so every kernel stays monomorphic for the JIT; checks (zero divisors, overflow)
 * skip null rows, whose slots hold placeholders.
 */

export type VecBinary = (l: Vec, r: Vec, n: number) => Vec;

const kernelCache = new Map<string, (...args: any[]) => any>();

function kernel(key: string, params: string[], body: () => string): (...args: any[]) => any {
  let k = kernelCache.get(key);
  if (!k) {
    k = new Function(...params, body()) as (...args: any[]) => any;
    kernelCache.set(key, k);
  }
  return k;
}

type NumGroup = 'i8' | 'i16' | 'i32' | 'f32' | 'f64' | 'i64';

function numGroup(k: Kind): NumGroup | null {
  switch (k) {
    case 'byte':
      return 'i8';
    case 'short':
      return 'i16';
    case 'int':
      return 'i32';
    case 'float':
      return 'f32';
    case 'double':
      return 'f64';
    case 'long':
      return 'i64';
  }
  return null;
}

const RANGE_OF: Record<string, [string, string]> = {
  i8: ['-128', '127'],
  i16: ['-32768', '32767'],
  i32: ['-2147483648', '2147483647'],
  i64: ['-9223372036854775808n', '9223372036854775807n'],
};

/** (a, b, out, nulls, start, n) → index of the first non-null row that fails (zero divisor, overflow), or -1. */
function arithKernel(op: BinaryOp, g: NumGroup): (...args: any[]) => number {
  return kernel(`arith:${op}:${g}`, ['a', 'b', 'out', 'nulls', 'start', 'n'], () => {
    const big = g === 'i64';
    const zero = big ? '0n' : '0';
    const needsZero = op === '/' || op === '%' || op === 'div';
    const expr = op === 'div' ? 'x / y' : `x ${op} y`;
    const range = RANGE_OF[g];
    const check = range && op !== '%' ? `if (r > ${range[1]} || r < ${range[0]}) { if (nulls === null || nulls[i] === 0) return i; continue; }` : '';
    return `
      for (let i = start; i < n; i++) {
        const x = a[i], y = b[i];
        ${needsZero ? `if (y === ${zero}) { if (nulls === null || nulls[i] === 0) return i; continue; }` : ''}
        const r = ${expr};
        ${check}
        out[i] = r;
      }
      return -1;`;
  });
}

const TRY_OP: Partial<Record<BinaryOp, string>> = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', div: 'div' };

/**
 * Arithmetic of two columns already cast to the operand types `resolveBinary` gives (`lt`, `rt`). With `ansi`
 * errors raise (DIVIDE_BY_ZERO, ARITHMETIC_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE); without (try_add, try_divide,
 * …) the failing rows become NULL.
 */
export function arithmetic(op: BinaryOp, lt: DataType, rt: DataType, resultType: DataType, ansi: boolean): VecBinary {
  const lk = kindOf(lt);
  const rk = kindOf(rt);
  if (lk === 'null' || rk === 'null') return (_l, _r, n) => nullVec(resultType, n);
  if (isIntervalArithmetic(op, lt, rt)) return intervalArithmetic(op, lt, rt, resultType);
  if (lk === 'date' || rk === 'date') {
    // date ± days
    const sign = op === '-' ? -1 : 1;
    const dateLeft = lk === 'date';
    return (lv, rv, n) => {
      const a = (dateLeft ? lv : rv).values as Int32Array;
      const d = (dateLeft ? rv : lv).values as ArrayLike<number>;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = a[i]! + sign * d[i]!;
      return { type: resultType, length: n, values: out, nulls: unionNulls([lv, rv], n) };
    };
  }
  if (lk === 'decimal' || rk === 'decimal') return decimalArithmetic(op, lt as DecimalType, rt as DecimalType, resultType, ansi);
  const g = numGroup(lk);
  if (!g || lk !== rk) throw new SqlError('INTERNAL_ERROR', `arithmetic on ${lt.simpleString()} and ${rt.simpleString()} needs a cast first`);
  const kern = arithKernel(op, g);
  const fail = (x: any, y: any): SqlError => {
    if ((op === '/' || op === '%' || op === 'div') && (y === 0 || y === 0n)) return divideByZero();
    if (g === 'i8' || g === 'i16') return binaryArithmeticOverflow(x, op, y);
    if (op === 'div') return arithmeticOverflow('Overflow in integral divide', 'div');
    return arithmeticOverflow(g === 'i64' ? 'long overflow' : 'integer overflow', TRY_OP[op]);
  };
  return (lv, rv, n) => {
    const a = lv.values;
    const b = rv.values;
    const nulls = unionNulls([lv, rv], n);
    const out = allocValues(resultType, n);
    let outNulls = nulls;
    let start = 0;
    for (;;) {
      const bad = kern(a, b, out, outNulls, start, n);
      if (bad < 0) break;
      if (ansi) throw fail(a[bad], b[bad]);
      if (outNulls === nulls) outNulls = copyNulls(nulls, n);
      outNulls![bad] = 1;
      start = bad + 1;
    }
    return { type: resultType, length: n, values: out, nulls: outNulls };
  };
}

function decimalArithmetic(op: BinaryOp, lt: DecimalType, rt: DecimalType, resultType: DataType, ansi: boolean): VecBinary {
  const ls = lt.scale;
  const rs = rt.scale;
  const div = op === 'div';
  const out = div ? null : (resultType as DecimalType);
  const ps = out ? out.scale : 0;
  const pp = out ? out.precision : 0;
  const s = Math.max(ls, rs);
  const fl = pow10(s - ls);
  const fr = pow10(s - rs);
  const divNum = op === '/' ? pow10(ps + rs) : 1n;
  const divDen = op === '/' ? pow10(ls) : 1n;
  const compute = (x: bigint, y: bigint): bigint | SqlError => {
    switch (op) {
      case '+':
      case '-': {
        const v = op === '+' ? x * fl + y * fr : x * fl - y * fr;
        const q = s === ps ? v : rescale(v, s, ps);
        return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, s), pp, ps);
      }
      case '*': {
        const v = x * y;
        const q = rescale(v, ls + rs, ps);
        return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, ls + rs), pp, ps);
      }
      case '/': {
        if (y === 0n) return divideByZero();
        const q = divHalfUp(x * divNum, y * divDen);
        return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(q, ps), pp, ps);
      }
      case '%': {
        if (y === 0n) return divideByZero();
        const v = (x * fl) % (y * fr);
        const q = s === ps ? v : rescale(v, s, ps);
        return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, s), pp, ps);
      }
      case 'div': {
        if (y === 0n) return divideByZero();
        const q = (x * fl) / (y * fr);
        return q > 9223372036854775807n || q < -9223372036854775808n ? arithmeticOverflow('Overflow in integral divide', 'div') : q;
      }
    }
    throw new SqlError('INTERNAL_ERROR', `no decimal ${op}`);
  };
  const fast = out ? decimalFastKernel(op, ls, rs, s, ps) : null;
  const lim = pow10(pp);
  const exact = out ? exactDecimalKernel(op, ls, rs, s, ps, pp) : null;
  return (lv, rv, n) => {
    if (exact !== null) {
      const ea = toExact(lv, n);
      const eb = ea && toExact(rv, n);
      if (eb) {
        const nulls = unionNulls([lv, rv], n);
        const values = new Float64Array(n);
        // A row the doubles cannot do exactly (or that is out of range, to raise or become NULL) sends the
        // whole batch down the bigint path.
        if (exact(ea, eb, values, nulls, n) < 0) return exactDecimalVec(resultType, values, nulls, n);
      }
    }
    const a = lv.values;
    const b = rv.values;
    const nulls = unionNulls([lv, rv], n);
    let outNulls = nulls;
    const values = div ? new BigInt64Array(n) : new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (fast !== null) {
        // The plain loop runs until a row needs the general path (an error, or an overflow to NULL), which
        // takes that one row; then the plain loop resumes after it.
        i = fast(a, b, values, outNulls, i, n, fl, fr, lim);
        if (i < 0) break;
      }
      if (outNulls !== null && outNulls[i] === 1) continue;
      const v = compute(a[i], b[i]);
      if (v instanceof SqlError) {
        if (ansi) throw v;
        if (outNulls === nulls) outNulls = copyNulls(nulls, n);
        outNulls![i] = 1;
        continue;
      }
      values[i] = v;
    }
    return { type: resultType, length: n, values, nulls: outNulls };
  };
}

/**
 * The common decimal cases as one generated loop without per-row dispatch: + and - when the operands' common
 * scale is the result's, * when the result keeps all digits (scale ls + rs), i.e. whenever no rounding happens.
 * Returns the index of the first row whose result does not fit the precision (for the general path to report or
 * null), or -1; null rows are skipped.
 */
function decimalFastKernel(op: BinaryOp, ls: number, rs: number, s: number, ps: number): ((...args: any[]) => number) | null {
  let expr: string;
  if ((op === '+' || op === '-') && s === ps) {
    const x = ls === s ? 'x' : 'x * fl';
    const y = rs === s ? 'y' : 'y * fr';
    expr = `${x} ${op} ${y}`;
  } else if (op === '*' && ls + rs === ps) expr = 'x * y';
  else return null;
  return kernel(`dec:${expr}`, ['a', 'b', 'out', 'nulls', 'start', 'n', 'fl', 'fr', 'lim'], () => `
    const neg = -lim;
    for (let i = start; i < n; i++) {
      if (nulls !== null && nulls[i] === 1) continue;
      const x = a[i], y = b[i];
      const v = ${expr};
      if (v >= lim || v <= neg) return i;
      out[i] = v;
    }
    return -1;`);
}

/**
 * `+ - *` of decimals in exact form (see exact-decimal.ts): (a, b, out, nulls, n) → -1 when every non-null row's
 * result was computed exactly and fits the result precision, else the first row that did not. A product or sum of
 * exact integers is exact when its rounded double is within ±(2^53 - 1) (rounding is monotonic, so a true result
 * past that bound rounds to 2^53 or beyond). Rescaling down to the result scale rounds HALF_UP as the bigint path
 * does. Null when the scales need a power of ten past 10^15.
 */
function exactDecimalKernel(op: BinaryOp, ls: number, rs: number, s: number, ps: number, pp: number): ((...args: any[]) => number) | null {
  const M = String(MAX_EXACT);
  const inRange = (x: string) => `(${x} <= ${M} && ${x} >= -${M})`;
  const lines: string[] = [];
  let down: number;
  if (op === '+' || op === '-') {
    if (s - ls > MAX_EXACT_POW || s - rs > MAX_EXACT_POW) return null;
    const fl = POW10_NUM[s - ls]!;
    const fr = POW10_NUM[s - rs]!;
    lines.push(`const p = ${fl === 1 ? 'x' : `x * ${fl}`}, q = ${fr === 1 ? 'y' : `y * ${fr}`};`);
    lines.push(`let v = p ${op} q;`);
    const checks = [fl === 1 ? '' : inRange('p'), fr === 1 ? '' : inRange('q'), inRange('v')].filter(Boolean);
    lines.push(`if (!(${checks.join(' && ')})) return i;`);
    down = s - ps;
  } else if (op === '*') {
    lines.push('let v = x * y;', `if (!${inRange('v')}) return i;`);
    down = ls + rs - ps;
  } else return null;
  if (down < 0 || down > MAX_EXACT_POW) return null;
  if (down > 0) {
    const d = POW10_NUM[down]!;
    lines.push(`{ const r = v % ${d}; const w = (v - r) / ${d}; v = r === 0 ? w : 2 * (r < 0 ? -r : r) >= ${d} ? (v < 0 ? w - 1 : w + 1) : w; }`);
  }
  // 10^pp past 2^53 bounds nothing an exact value can reach.
  if (pp <= MAX_EXACT_POW) lines.push(`if (v >= ${POW10_NUM[pp]} || v <= -${POW10_NUM[pp]}) return i;`);
  return kernel(`decx:${op}:${ls}:${rs}:${ps}:${pp}`, ['a', 'b', 'out', 'nulls', 'n'], () => `
    for (let i = 0; i < n; i++) {
      if (nulls !== null && nulls[i] === 1) continue;
      const x = a[i], y = b[i];
      ${lines.join('\n      ')}
      out[i] = v;
    }
    return -1;`);
}

const NEG_OVERFLOW: Partial<Record<Kind, string>> = { byte: 'byte overflow', short: 'short overflow', int: 'integer overflow', long: 'long overflow' };

/** Unary minus (and abs when `absOnly`), raising ARITHMETIC_OVERFLOW for the minimum integer when `ansi`. */
export function negate(v: Vec, n: number, absOnly = false, ansi = true): Vec {
  const k = kindOf(v.type);
  const a = v.values;
  const nulls = v.nulls;
  const out = allocValues(v.type, n);
  let outNulls = nulls;
  switch (k) {
    case 'byte':
    case 'short':
    case 'int':
    case 'interval_ym': {
      const min = k === 'byte' ? -128 : k === 'short' ? -32768 : -2147483648;
      for (let i = 0; i < n; i++) {
        const x = a[i] as number;
        if (x === min && !(nulls !== null && nulls[i] === 1)) {
          if (ansi) throw arithmeticOverflow(NEG_OVERFLOW[k]!);
          (outNulls = outNulls === nulls ? copyNulls(nulls, n) : outNulls!)[i] = 1;
          continue;
        }
        out[i] = absOnly ? (x < 0 ? -x : x) : -x;
      }
      break;
    }
    case 'long':
    case 'interval_dt':
      for (let i = 0; i < n; i++) {
        const x = a[i] as bigint;
        if (x === -9223372036854775808n && !(nulls !== null && nulls[i] === 1)) {
          if (ansi) throw arithmeticOverflow('long overflow');
          (outNulls = outNulls === nulls ? copyNulls(nulls, n) : outNulls!)[i] = 1;
          continue;
        }
        out[i] = absOnly ? (x < 0n ? -x : x) : -x;
      }
      break;
    case 'float':
    case 'double':
      if (absOnly) for (let i = 0; i < n; i++) out[i] = Math.abs(a[i] as number);
      else for (let i = 0; i < n; i++) out[i] = -(a[i] as number);
      break;
    case 'decimal': {
      const e = exactOf(v);
      if (e) {
        const o = new Float64Array(n);
        if (absOnly) for (let i = 0; i < n; i++) o[i] = Math.abs(e[i]!);
        else for (let i = 0; i < n; i++) o[i] = -e[i]!;
        return exactDecimalVec(v.type, o, nulls, n);
      }
      for (let i = 0; i < n; i++) {
        const x = a[i];
        out[i] = x === null || x === undefined ? null : absOnly ? (x < 0n ? -x : x) : -x;
      }
      break;
    }
    default:
      throw new SqlError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `cannot negate a value of type ${v.type.simpleString()}`);
  }
  return { type: v.type, length: n, values: out, nulls: outNulls };
}

// ---------------------------------------------------------------------------------------------- compare

/** Comparisons of doubles x and y as JS expressions, in Spark's order: NaN above every number and equal to itself. */
export const FLOAT_COMPARE: Readonly<Record<string, string>> = {
  '=': 'x === y || (x !== x && y !== y)',
  '<=>': 'x === y || (x !== x && y !== y)',
  '!=': '!(x === y || (x !== x && y !== y))',
  '<': 'x < y || (x === x && y !== y)',
  '<=': 'x <= y || y !== y',
  '>': 'x > y || (x !== x && y === y)',
  '>=': 'x >= y || x !== x',
};

/** Comparison loop: (a, b, out, n, cmp) with out[i] = 1/0. */
function compareKernel(op: BinaryOp, mode: 'prim' | 'float' | 'cmp'): (...args: any[]) => void {
  return kernel(`cmp:${op}:${mode}`, ['a', 'b', 'out', 'n', 'cmp'], () => {
    let expr: string;
    if (mode === 'cmp') {
      const o = op === '<=>' || op === '=' ? '===' : op === '!=' ? '!==' : op;
      expr = `cmp(x, y) ${o} 0`;
    } else if (mode === 'float') {
      expr = FLOAT_COMPARE[op as string]!;
    } else {
      expr = op === '=' || op === '<=>' ? 'x === y' : op === '!=' ? 'x !== y' : `x ${op} y`;
    }
    return `for (let i = 0; i < n; i++) { const x = a[i], y = b[i]; out[i] = (${expr}) ? 1 : 0; }`;
  });
}

/** A comparison of two columns of the same type `t` (Spark ordering: NaN largest; <=> never null). */
export function comparison(op: BinaryOp, t: DataType): VecBinary {
  const k = kindOf(t);
  const mode = k === 'float' || k === 'double' ? 'float' : k === 'binary' || k === 'array' || k === 'struct' || k === 'map' ? 'cmp' : 'prim';
  const cmp = mode === 'cmp' ? comparatorFor(t) : null;
  const kern = compareKernel(op, mode);
  const nullType = k === 'null';
  const decimal = k === 'decimal';
  return (lv0, rv0, n) => {
    // Decimals in exact form compare as doubles (both sides are exact integers at the same scale).
    const [lv, rv] = decimal ? exactPair(lv0, rv0, n) : [lv0, rv0];
    const out = new Uint8Array(n);
    const ln = lv.nulls;
    const rn = rv.nulls;
    if (op === '<=>') {
      if (nullType) {
        out.fill(1);
        return { type: BooleanType, length: n, values: out, nulls: null };
      }
      if (mode !== 'cmp' || (ln === null && rn === null)) kern(lv.values, rv.values, out, n, cmp);
      else {
        for (let i = 0; i < n; i++) {
          if ((ln !== null && ln[i] === 1) || (rn !== null && rn[i] === 1)) continue;
          out[i] = cmp!(lv.values[i], rv.values[i]) === 0 ? 1 : 0;
        }
      }
      if (ln !== null || rn !== null) {
        for (let i = 0; i < n; i++) {
          const a = ln !== null && ln[i] === 1;
          const b = rn !== null && rn[i] === 1;
          if (a || b) out[i] = a && b ? 1 : 0;
        }
      }
      return { type: BooleanType, length: n, values: out, nulls: null };
    }
    if (nullType) return nullVec(BooleanType, n);
    const nulls = unionNulls([lv, rv], n);
    if (mode === 'cmp' && nulls) {
      // comparators must not see the placeholders of null rows
      const a = lv.values;
      const b = rv.values;
      for (let i = 0; i < n; i++) {
        if (nulls[i] === 1) continue;
        const x = cmp!(a[i], b[i]);
        out[i] = (op === '=' ? x === 0 : op === '!=' ? x !== 0 : op === '<' ? x < 0 : op === '<=' ? x <= 0 : op === '>' ? x > 0 : x >= 0) ? 1 : 0;
      }
    } else kern(lv.values, rv.values, out, n, cmp);
    return { type: BooleanType, length: n, values: out, nulls };
  };
}

/** Both decimal columns with their exact doubles as values when both have that form, else as they are. */
function exactPair(l: Vec, r: Vec, n: number): [Vec, Vec] {
  if (exactOf(l) === null && exactOf(r) === null) return [l, r];
  const a = toExact(l, n);
  const b = a && toExact(r, n);
  if (a === null || b === null) return [l, r];
  return [
    { type: l.type, length: n, values: a, nulls: l.nulls },
    { type: r.type, length: n, values: b, nulls: r.nulls },
  ];
}
