import { compareKeys, canonicalKey } from '@kindling/core';
import {
  ArrayType,
  DataType,
  DecimalType,
  DoubleType,
  IntegerType,
  LongType,
  ShortType,
  ByteType,
  FloatType,
  NullType,
} from '../types/data-types.js';
import { AnalysisError } from '../analysis/errors.js';
import { divHalfUp } from '../eval/decimal.js';
import { vectorExtremeDecimal } from './decimal-extreme.js';
import { vectorAvgDecimal, vectorSumDecimal } from './decimal-sum.js';
import { registerAggregate, type AggregateFunction } from './aggregate-function.js';
import { sumOverflow, vectorAvg, vectorCount, vectorExtreme, vectorFirstLast, vectorMoment, vectorSumDouble, vectorSumLong } from './vectorized.js';

const integral = [ByteType, ShortType, IntegerType, LongType];
const numeric = (t: DataType) => integral.includes(t as never) || t === FloatType || t === DoubleType || t instanceof DecimalType;

function needNumeric(name: string, t: DataType): void {
  if (!numeric(t) && t !== NullType) {
    throw new AnalysisError('DATATYPE_MISMATCH', `${name} needs a numeric argument, not ${t.simpleString()}`);
  }
}

const MAX_LONG = 2n ** 63n - 1n;
const MIN_LONG = -(2n ** 63n);

/** Exact 64-bit sum with ANSI overflow checking (Spark's sum of integral types is a bigint). */
function addLong(a: bigint, b: bigint): bigint {
  const s = a + b;
  if (s > MAX_LONG || s < MIN_LONG) throw sumOverflow();
  return s;
}

const count: AggregateFunction = {
  name: 'count',
  resolve: (argTypes) => ({ returnType: LongType, argTypes }),
  init: () => 0,
  update: (s, args) => (args.every((a) => a !== null) ? s + 1 : s),
  merge: (a, b) => a + b,
  finish: (s) => BigInt(s),
  vectorize: vectorCount,
};

/** sum: bigint for integral input, double for floating, decimal widened by 10 digits for decimals. */
const sum: AggregateFunction = {
  name: 'sum',
  resolve([t]) {
    needNumeric('sum', t!);
    if (integral.includes(t as never) || t === NullType) return { returnType: LongType, argTypes: [LongType] };
    if (t instanceof DecimalType) {
      const r = new DecimalType(Math.min(38, t.precision + 10), t.scale);
      return { returnType: r, argTypes: [t] };
    }
    return { returnType: DoubleType, argTypes: [DoubleType] };
  },
  init: () => null,
  update(s, [v]) {
    if (v === null) return s;
    if (typeof v === 'bigint') return s === null ? v : addLong(s, v);
    return s === null ? v : s + (v as number);
  },
  merge: (a, b) => (a === null ? b : b === null ? a : typeof a === 'bigint' ? addLong(a, b) : a + b),
  finish: (s) => s,
  vectorize: (args) => vectorSumLong(args) ?? vectorSumDouble(args) ?? vectorSumDecimal(args),
};

/**
 * avg: double for numbers (state: sum as double and count); for decimal(p, s), Spark's decimal(p + 4, s + 4)
 * (each bounded by 38). Decimal arguments are cast to the result's scale (precision 38), so the exact bigint sum
 * divided by the count with HALF_UP is Spark's sum.divide(count, s + 4, HALF_UP). That cast can only overflow
 * for p > 34, when a single value has more integer digits than the result type holds.
 */
const avg: AggregateFunction = {
  name: 'avg',
  resolve([t]) {
    needNumeric('avg', t!);
    if (t instanceof DecimalType) {
      const scale = Math.min(38, t.scale + 4);
      return { returnType: new DecimalType(Math.min(38, t.precision + 4), scale), argTypes: [new DecimalType(38, scale)] };
    }
    return { returnType: DoubleType, argTypes: [DoubleType] };
  },
  init: () => [0, 0],
  update(s, [v]) {
    if (v === null) return s;
    if (typeof v === 'bigint') return [s[1] === 0 ? v : s[0] + v, s[1] + 1];
    return [s[0] + (v as number), s[1] + 1];
  },
  merge: (a, b) => (a[1] === 0 ? b : b[1] === 0 ? a : [a[0] + b[0], a[1] + b[1]]),
  finish: (s) => (s[1] === 0 ? null : typeof s[0] === 'bigint' ? divHalfUp(s[0], BigInt(s[1])) : s[0] / s[1]),
  vectorize: (args) => vectorAvg(args) ?? vectorAvgDecimal(args),
};

const extreme = (name: string, sign: 1 | -1): AggregateFunction => ({
  name,
  resolve: ([t]) => ({ returnType: t!, argTypes: [t!] }),
  init: () => null,
  update: (s, [v]) => (v === null ? s : s === null || sign * compareKeys(v, s) > 0 ? v : s),
  merge: (a, b) => (a === null ? b : b === null ? a : sign * compareKeys(b, a) > 0 ? b : a),
  finish: (s) => s,
  vectorize: (args) => vectorExtreme(sign)(args) ?? vectorExtremeDecimal(sign)(args),
});

/** first/last(x, ignoreNulls): which row is first depends on the input order, as in Spark. */
const firstLast = (name: string, takeLast: boolean): AggregateFunction => ({
  name,
  resolve: ([t, ...rest]) => ({ returnType: t!, argTypes: [t!, ...rest] }),
  init: () => ({ has: false, v: null }),
  update(s, [v, ignoreNulls]) {
    if (ignoreNulls && v === null) return s;
    if (!s.has || takeLast) return { has: true, v };
    return s;
  },
  merge: (a, b) => (!a.has ? b : !b.has ? a : takeLast ? b : a),
  finish: (s) => s.v,
  vectorize: vectorFirstLast(takeLast),
});

const collect = (name: string, distinct: boolean): AggregateFunction => ({
  name,
  resolve: ([t]) => ({ returnType: new ArrayType(t!, false), argTypes: [t!] }),
  init: () => [],
  update(s, [v]) {
    if (v !== null) s.push(v);
    return s;
  },
  merge: (a, b) => a.concat(b),
  finish(s) {
    if (!distinct) return s;
    const seen = new Set<string>();
    return s.filter((v: unknown) => {
      const k = canonicalKey(v);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  },
});

/** Variance family: Welford states [n, mean, m2], merged with Chan's formula. */
const moment = (name: string, finish: (n: number, m2: number) => number | null): AggregateFunction => ({
  name,
  vectorize: vectorMoment(finish),
  resolve([t]) {
    needNumeric(name, t!);
    return { returnType: DoubleType, argTypes: [DoubleType] };
  },
  init: () => [0, 0, 0],
  update(s, [v]) {
    if (v === null) return s;
    const x = v as number;
    const n = s[0] + 1;
    const d = x - s[1];
    const mean = s[1] + d / n;
    return [n, mean, s[2] + d * (x - mean)];
  },
  merge(a, b) {
    if (a[0] === 0) return b;
    if (b[0] === 0) return a;
    const n = a[0] + b[0];
    const d = b[1] - a[1];
    return [n, a[1] + (d * b[0]) / n, a[2] + b[2] + (d * d * a[0] * b[0]) / n];
  },
  finish: (s) => (s[0] === 0 ? null : finish(s[0], s[2])),
});

const sampleVar = (n: number, m2: number) => (n < 2 ? null : m2 / (n - 1));
const popVar = (n: number, m2: number) => m2 / n;

registerAggregate(count);
registerAggregate(sum);
registerAggregate(avg, 'mean');
registerAggregate(extreme('min', -1));
registerAggregate(extreme('max', 1));
registerAggregate(firstLast('first', false), 'first_value');
registerAggregate(firstLast('last', true), 'last_value');
registerAggregate(collect('collect_list', false));
registerAggregate(collect('collect_set', true));
registerAggregate(moment('var_samp', sampleVar), 'variance');
registerAggregate(moment('var_pop', popVar));
registerAggregate(moment('stddev_samp', (n, m2) => (n < 2 ? null : Math.sqrt(m2 / (n - 1)))), 'stddev', 'std');
registerAggregate(moment('stddev_pop', (n, m2) => Math.sqrt(m2 / n)));

// Statistical and conditional aggregates, each in its own module (they register themselves).
import './approx-count-distinct.js';
import './percentile.js';
import './correlation.js';
import './moments.js';
import './conditional.js';
