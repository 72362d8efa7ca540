import { compileBound } from '../eval/evaluate.js';
import { gather, slice } from './vec-ops.js';
import { lazyColumns } from './columnar-batch.js';
function compileStep(step) {
    switch (step.op) {
        case 'filter': {
            const cond = compileBound(step.condition);
            return (b) => {
                const c = cond(b.columns, b.length);
                const keep = [];
                const v = c.values;
                const nulls = c.nulls;
                for (let i = 0; i < b.length; i++)
                    if (v[i] && !(nulls && nulls[i]))
                        keep.push(i);
                if (keep.length === b.length)
                    return b;
                if (keep.length === 0)
                    return null;
                const src = b.columns;
                return { names: b.names, columns: lazyColumns(src.length, (i) => gather(src[i], keep)), length: keep.length };
            };
        }
        case 'project': {
            // Plain column references stay lazy (and keep their Arrow data); computed columns are evaluated now, so
            // their errors surface as before.
            const exprs = step.exprs.map((e) => (e.kind === 'input' ? null : compileBound(e)));
            const ords = step.exprs.map((e) => (e.kind === 'input' ? e.ordinal : -1));
            return (b) => {
                const src = b.columns;
                const computed = exprs.map((f) => (f ? f(src, b.length) : null));
                const columns = lazyColumns(exprs.length, (i) => computed[i] ?? src[ords[i]]);
                const arrow = b.arrow ? ords.map((o) => (o >= 0 ? b.arrow[o] : undefined)) : undefined;
                return { names: step.names, columns, length: b.length, ...(arrow ? { arrow } : {}) };
            };
        }
        case 'limit': {
            let left = step.n;
            return (b) => {
                if (left <= 0)
                    return null;
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
export function runSteps(steps, input) {
    const compiled = steps.map(compileStep);
    return (function* () {
        outer: for (const batch of input) {
            let b = batch;
            for (const f of compiled) {
                b = f(b);
                if (b === null)
                    continue outer;
            }
            if (b.length > 0)
                yield b;
        }
    })();
}
//# sourceMappingURL=pipeline.js.map