import type { Bound } from '../eval/bound.js';

/*
 * Guessed shares of rows a filter keeps, without statistics (Spark's FilterEstimation defaults in spirit: an
 * equality keeps few rows, a range half). ReorderJoin ranks leaves by them (optimizer/join-order.ts) and the
 * planner shrinks a broadcast estimate by them, within bounds (plan/broadcast-estimate.ts).
 */

/** Guessed share of rows a condition keeps. */
export function guessSelectivity(c: Bound): number {
  switch (c.kind) {
    case 'binary':
      switch (c.op) {
        case 'and':
          return guessSelectivity(c.left) * guessSelectivity(c.right);
        case 'or':
          return Math.min(1, guessSelectivity(c.left) + guessSelectivity(c.right));
        case '=':
        case '<=>':
          return 0.1;
        case '!=':
          return 0.9;
        case 'like':
        case 'rlike':
          return 0.25;
        default:
          return 0.5; // <, <=, >, >=: a range bounded on both sides keeps a quarter
      }
    case 'in':
      return Math.min(1, 0.1 * c.list.length);
    case 'unary':
      if (c.op === 'isNotNull') return 1;
      if (c.op === 'not') return Math.max(0.1, 1 - guessSelectivity(c.child));
      return 0.1;
    default:
      return 0.5;
  }
}
