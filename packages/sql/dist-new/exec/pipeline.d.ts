import type { Bound } from '../eval/bound.js';
import { type ColumnarBatch } from './columnar-batch.js';
/** A narrow step of a stage: they run fused, batch by batch, in one task (Spark's whole-stage pipelining). */
export type Step = {
    op: 'filter';
    condition: Bound;
} | {
    op: 'project';
    exprs: Bound[];
    names: string[];
} | {
    op: 'limit';
    n: number;
};
/** Applies the steps to each batch of a partition. Stateful steps (limit) keep their state across batches. */
export declare function runSteps(steps: Step[], input: Iterable<ColumnarBatch>): Generator<ColumnarBatch>;
//# sourceMappingURL=pipeline.d.ts.map