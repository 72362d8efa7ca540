import type { Bound } from '../eval/bound.js';
import { compileShared } from '../eval/evaluate.js';
import { compileSelection } from './selection.js';
import { slice } from './vec-ops.js';
import type { Data } from 'apache-arrow';
import { deferTakes, linkArrowData, pendingTake, takeRows } from './hash-join/take.js';
import { lazyColumns, type ColumnarBatch } from './columnar-batch.js';
import { deferGathers, pendingGather } from './pending-gather.js';

/** A narrow step of a stage: they run fused, batch by batch, in one task (Spark's whole-stage pipelining). */
export type Step =
  | { op: 'filter'; condition: Bound }
  | { op: 'project'; exprs: Bound[]; names: string[] }
  | { op: 'limit'; n: number };

type Compiled = (b: ColumnarBatch) => ColumnarBatch | null;

function compileStep(step: Step): Compiled {
  switch (step.op) {
    case 'filter': {
      const select = compileSelection(step.condition);
      return (b) => {
        const { rows, count } = select(b);
        if (rows === null) return b;
        if (count === 0) return null;
        // Strings still in Arrow form stay so (dictionary codes, UTF-8 bytes): see takeRows.
        return takeRows(b, rows, count);
      };
    }
    case 'project': {
      // Plain column references stay lazy (and keep their Arrow data); computed columns are evaluated now, so
      // their errors surface as before.
      const shared = compileShared(step.exprs);
      const exprs = step.exprs.map((e, i) => (e.kind === 'input' ? null : shared[i]!));
      const ords = step.exprs.map((e) => (e.kind === 'input' ? e.ordinal : -1));
      return (b) => {
        const src = b.columns;
        const computed = exprs.map((f) => (f ? f(src, b.length) : null));
        const columns = lazyColumns(exprs.length, (i) => computed[i] ?? src[ords[i]!]!);
        let arrow: (Data | undefined)[] | undefined;
        if (b.arrow) {
          arrow = new Array(ords.length).fill(undefined);
          ords.forEach((o, i) => o >= 0 && linkArrowData(arrow!, i, b.arrow, o));
        }
        deferGathers(columns, (i) => (ords[i]! >= 0 ? pendingGather(src, ords[i]!) : null));
        deferTakes(columns, (i) => (ords[i]! >= 0 ? pendingTake(src, ords[i]!) : null));
        return { names: step.names, columns, length: b.length, ...(arrow ? { arrow } : {}) };
      };
    }
    case 'limit': {
      let left = step.n;
      return (b) => {
        if (left <= 0) return null;
        if (b.length <= left) {
          left -= b.length;
          return b;
        }
        const n = left;
        left = 0;
        return { names: b.names, columns: b.columns.map((c) => slice(c, 0, n)), length: n };
      };
    }
  }
}

/** Applies the steps to each batch of a partition. Stateful steps (limit) keep their state across batches. */
export function runSteps(steps: Step[], input: Iterable<ColumnarBatch>): Generator<ColumnarBatch> {
  const compiled = steps.map(compileStep);
  return (function* () {
    outer: for (const batch of input) {
      let b: ColumnarBatch | null = batch;
      for (const f of compiled) {
        b = f(b);
        if (b === null) continue outer;
      }
      if (b.length > 0) yield b;
    }
  })();
}
