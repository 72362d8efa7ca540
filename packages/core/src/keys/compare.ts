import { keyKind, type KeyKind } from './kind.js';

// A total order over keys by value, for sortByKey, takeOrdered, top and range partitioning.
// Across kinds: null/undefined < booleans < numbers and bigints (compared numerically) < strings < dates <
// arrays < objects. NaN sorts above every other number, as in Spark.
const RANK: Record<KeyKind, number> = { nullish: 0, boolean: 1, number: 2, bigint: 2, string: 3, date: 4, array: 5, object: 6 };

function compareNumbers(a: number | bigint, b: number | bigint): number {
  const an = typeof a === 'number' && Number.isNaN(a);
  const bn = typeof b === 'number' && Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    return compareNumbers(a, b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const ka = keyKind(a);
  const kb = keyKind(b);
  if (RANK[ka] !== RANK[kb]) return RANK[ka] - RANK[kb];
  switch (ka) {
    case 'nullish':
      return a === b ? 0 : a === undefined ? -1 : 1;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'number':
    case 'bigint':
      return compareNumbers(a as number | bigint, b as number | bigint);
    case 'string':
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 'date':
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 'array': {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareKeys(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'object': {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const xs = Object.keys(x).sort();
      const ys = Object.keys(y).sort();
      const n = Math.min(xs.length, ys.length);
      for (let i = 0; i < n; i++) {
        const c = compareKeys(xs[i], ys[i]) || compareKeys(x[xs[i]!], y[ys[i]!]);
        if (c !== 0) return c;
      }
      return xs.length - ys.length;
    }
  }
}
