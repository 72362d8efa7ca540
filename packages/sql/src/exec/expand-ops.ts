import type { Bound } from '../eval/bound.js';
import { compileBound } from '../eval/evaluate.js';
import type { Vec } from '../eval/vec.js';
import { decode, encode } from './columnar-batch.js';
import { runSteps, type Step } from './pipeline.js';
import { concatVecs, gather } from './vec-ops.js';

/**
 * Spark's Expand: every input row comes out once per projection. For GROUPING SETS / ROLLUP / CUBE (one projection
 * per grouping set: the row, its grouping keys with the set's missing ones NULL, the grouping id) the aggregate
 * above is an ordinary one keyed by the key copies and the id, and each batch is emitted once per projection. With
 * `interleave` (UNPIVOT) the copies of a row are adjacent, in Spark's order: row 1's projections, then row 2's, ...
 */
export function expandRows(
  spec: { steps: Step[]; projections: Bound[][]; names: string[]; interleave?: boolean },
  it: Iterator<Uint8Array>,
): Iterable<Uint8Array> {
  const projections = spec.projections.map((exprs) => exprs.map((e) => (e.kind === 'input' ? (cols: Vec[]) => cols[e.ordinal]! : compileBound(e))));
  const input = (function* () {
    for (let r = it.next(); !r.done; r = it.next()) yield* decode(r.value);
  })();
  return (function* () {
    for (const b of runSteps(spec.steps, input)) {
      if (!spec.interleave) {
        for (const exprs of projections) yield encode({ names: spec.names, columns: exprs.map((f) => f(b.columns, b.length)), length: b.length });
        continue;
      }
      const k = projections.length;
      const n = b.length;
      const order = new Int32Array(n * k);
      for (let r = 0; r < n; r++) for (let p = 0; p < k; p++) order[r * k + p] = p * n + r;
      const outputs = projections.map((exprs) => exprs.map((f) => f(b.columns, n)));
      const columns = spec.names.map((_, c) => gather(concatVecs(outputs.map((o) => o[c]!)), order));
      yield encode({ names: spec.names, columns, length: n * k });
    }
  })();
}

