import { DoubleType } from '../types/data-types.js';
import { needNumeric, wrongArgs } from './arg-checks.js';
import { registerAggregate, type AggregateFunction } from './aggregate-function.js';
import { vectorCoMoment } from './vectorized-comoment.js';

/**
 * corr, covar_pop, covar_samp as Spark's PearsonCorrelation/Covariance: a streaming co-moment state
 * [n, meanX, meanY, ck, mkX, mkY] updated per row where both values are non-null, merged with the pairwise
 * formulas. With Spark 4's defaults (spark.sql.legacy.statisticalAggregate = false): no rows gives NULL, one row
 * gives NULL for corr and covar_samp, and a zero variance gives NULL for corr.
 */
type Co = [n: number, mx: number, my: number, ck: number, mkx: number, mky: number];

function coMoment(name: string, finish: (s: Co) => number | null): AggregateFunction {
  return {
    name,
    resolve(argTypes) {
      if (argTypes.length !== 2) throw wrongArgs(name, '2 arguments');
      needNumeric(name, argTypes[0], 1);
      needNumeric(name, argTypes[1], 2);
      return { returnType: DoubleType, argTypes: [DoubleType, DoubleType] };
    },
    init: (): Co => [0, 0, 0, 0, 0, 0],
    update(s: Co, [xv, yv]) {
      if (xv === null || yv === null) return s;
      const x = xv as number;
      const y = yv as number;
      const n = s[0] + 1;
      const dx = x - s[1];
      const dy = y - s[2];
      const mx = s[1] + dx / n;
      const my = s[2] + dy / n;
      // In place: the state belongs to its group (no allocation per row).
      s[0] = n;
      s[1] = mx;
      s[2] = my;
      s[3] += dx * (y - my);
      s[4] += dx * (x - mx);
      s[5] += dy * (y - my);
      return s;
    },
    merge(a: Co, b: Co) {
      if (a[0] === 0) return b;
      if (b[0] === 0) return a;
      const n = a[0] + b[0];
      const dx = b[1] - a[1];
      const dy = b[2] - a[2];
      const w = (a[0] * b[0]) / n;
      return [n, a[1] + (dx * b[0]) / n, a[2] + (dy * b[0]) / n, a[3] + b[3] + dx * dy * w, a[4] + b[4] + dx * dx * w, a[5] + b[5] + dy * dy * w];
    },
    finish: (s: Co) => (s[0] === 0 ? null : finish(s)),
    vectorize: vectorCoMoment(finish),
  };
}

registerAggregate(
  coMoment('corr', (s) => {
    if (s[0] < 2) return null;
    const den = Math.sqrt(s[4] * s[5]);
    return den === 0 ? null : s[3] / den;
  }),
);
registerAggregate(coMoment('covar_pop', (s) => s[3] / s[0]));
registerAggregate(coMoment('covar_samp', (s) => (s[0] < 2 ? null : s[3] / (s[0] - 1))));
