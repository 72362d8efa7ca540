import type { Bound } from '../../eval/bound.js';
import type { Vec } from '../../eval/vec.js';
import { inputsOf, isDeterministic } from '../../optimizer/bound-utils.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { pendingTake } from '../hash-join/take.js';

/**
 * The rows of a batch as a filter (or an inner join) left them: the batch it took them from, with that batch's
 * columns in the positions the taken batch has them, and the index vector (row i of the taken batch is row
 * idx[i] of `source`).
 */
export interface TakenFrom {
  source: ColumnarBatch;
  idx: Int32Array;
}

/**
 * Evaluating an aggregate's arguments over the rows a filter kept costs a gather of every column they read (and
 * the garbage of those copies); reading them through the filter's index vector costs nothing per column, but the
 * arguments are then evaluated over the dropped rows too. Worth it while at most half the rows were dropped (or
 * a join repeats rows: then fewer are evaluated).
 */
const MAX_SOURCE_PER_ROW = 2;

/**
 * The input ordinals an aggregate's arguments read, when they may be evaluated over rows the filter dropped (they
 * do the same on any row); null when they may not.
 */
export function readableThrough(args: Bound[]): number[] | null {
  if (args.length === 0 || !args.every(isDeterministic)) return null;
  const used = new Set<number>();
  for (const a of args) inputsOf(a, used);
  return [...used];
}

/**
 * Where the columns `used` (readableThrough's) come from when every one of them is an ungathered take of one batch
 * through one index vector, and that batch's columns are its own (not takes themselves): then `source` columns at the same
 * positions, evaluated over `source.length` rows, give the argument values of row i at idx[i]. Null otherwise.
 * `memo` keeps one view per source for the aggregates of one batch, so the subexpressions they share run once.
 */
export function takenFrom(b: ColumnarBatch, used: number[], memo: Map<ColumnarBatch, TakenFrom>): TakenFrom | null {
  let from: ColumnarBatch | null = null;
  let idx: Int32Array | null = null;
  for (const c of used) {
    const t = pendingTake(b.columns, c);
    if (t === null || t.mayMiss || pendingTake(t.batch.columns, t.col) !== null) return null;
    if (from === null) [from, idx] = [t.batch, t.idx];
    else if (t.batch !== from || t.idx !== idx) return null;
  }
  if (from === null || idx === null || from.length > MAX_SOURCE_PER_ROW * b.length) return null;
  let view = memo.get(from);
  if (view === undefined || view.idx !== idx) {
    view = { source: { names: b.names, columns: new Array<Vec>(b.columns.length), length: from.length }, idx };
    memo.set(from, view);
  }
  for (const c of used) {
    const t = pendingTake(b.columns, c)!;
    view.source.columns[c] ??= t.batch.columns[t.col]!;
  }
  return view;
}
