import type { FnParam } from '../lineage/fn-param.js';

/**
 * How values of one key are combined across a shuffle. Described as data (kind + the user's functions) so it can
 * travel to workers; `compileAggregator` turns it into Spark's three functions.
 */
export type AggregatorSpec =
  | { kind: 'reduce'; fn: FnParam }
  | { kind: 'fold'; zero: unknown; fn: FnParam }
  | { kind: 'aggregate'; zero: unknown; seqOp: FnParam; combOp: FnParam }
  | { kind: 'combine'; createCombiner: FnParam; mergeValue: FnParam; mergeCombiners: FnParam }
  | { kind: 'group' }
  | { kind: 'keepFirst' }
  | { kind: 'count' };

export interface Aggregator {
  createCombiner(v: any): any;
  mergeValue(c: any, v: any): any;
  mergeCombiners(a: any, b: any): any;
  /** The combiner grows with every value (groupByKey's lists), for memory estimates. */
  grows?: boolean;
}

/** A fresh copy of a zero value for each key, since fold/aggregate functions may mutate it (as in Spark). */
function zeroFactory(zero: unknown): () => any {
  if (zero === null || typeof zero !== 'object') return () => zero;
  return () => structuredClone(zero);
}

type LoadedSpec = { [K in keyof AggregatorSpec]: any } & { kind: AggregatorSpec['kind'] } & Record<string, any>;

/** Builds the aggregator from a spec whose function fields were already loaded. */
export function compileAggregator(spec: LoadedSpec): Aggregator {
  switch (spec.kind) {
    case 'reduce': {
      const f = spec.fn;
      return { createCombiner: (v) => v, mergeValue: f, mergeCombiners: f };
    }
    case 'fold': {
      const f = spec.fn;
      const zero = zeroFactory(spec.zero);
      return { createCombiner: (v) => f(zero(), v), mergeValue: f, mergeCombiners: f };
    }
    case 'aggregate': {
      const { seqOp, combOp } = spec;
      const zero = zeroFactory(spec.zero);
      return { createCombiner: (v) => seqOp(zero(), v), mergeValue: seqOp, mergeCombiners: combOp };
    }
    case 'combine':
      return { createCombiner: spec.createCombiner, mergeValue: spec.mergeValue, mergeCombiners: spec.mergeCombiners };
    case 'group':
      return {
        grows: true,
        createCombiner: (v) => [v],
        mergeValue: (c, v) => {
          c.push(v);
          return c;
        },
        mergeCombiners: (a, b) => {
          for (const x of b) a.push(x);
          return a;
        },
      };
    case 'keepFirst':
      return { createCombiner: (v) => v, mergeValue: (c) => c, mergeCombiners: (a) => a };
    case 'count':
      return { createCombiner: () => 1, mergeValue: (c) => c + 1, mergeCombiners: (a, b) => a + b };
  }
  throw new Error(`internal: unknown aggregator ${(spec as { kind: string }).kind}`);
}
