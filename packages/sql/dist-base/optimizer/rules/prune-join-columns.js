import { inputsOf, remap } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
function exprsOf(p) {
    return p.kind === 'project' ? p.exprs : [...p.groupBy, ...p.aggs.flatMap((a) => a.args)];
}
function uses(exprs) {
    const out = new Set();
    for (const e of exprs)
        if (e)
            inputsOf(e, out);
    return out;
}
/** The ordinals to keep, ascending; at least one, so that a side's batches keep their row count. */
const keepList = (need) => (need.size ? [...need].sort((a, b) => a - b) : [0]);
/** `side` narrowed to the columns `keep` (a projection of plain references). */
function narrow(side, keep) {
    if (keep.length === side.output.length)
        return side;
    const exprs = keep.map((i) => ({ kind: 'input', ordinal: i, type: side.output[i].type.simpleString(), nullable: side.output[i].nullable }));
    return { kind: 'project', child: side, exprs, output: keep.map((i) => side.output[i]) };
}
/**
 * Column pruning through projections and joins: a Project or Aggregate over a Project drops the inner
 * expressions nothing above reads; over a Join, each side is narrowed to the columns the parent, the join keys
 * and the residual condition read. Joins then carry (and shuffle, and decode) only those columns.
 */
export const pruneJoinColumns = {
    name: 'PruneJoinColumns',
    apply(p) {
        if (p.kind !== 'project' && p.kind !== 'aggregate')
            return p;
        const child = p.child;
        const used = uses(exprsOf(p));
        if (child.kind === 'project') {
            const keep = keepList(new Set([...used].filter((i) => i < child.exprs.length)));
            if (keep.length === child.exprs.length)
                return p;
            const map = new Map(keep.map((old, i) => [old, i]));
            const inner = { ...child, exprs: keep.map((i) => child.exprs[i]), output: keep.map((i) => child.output[i]) };
            return mapExprs({ ...p, child: inner }, (e) => remap(e, map));
        }
        if (child.kind !== 'join' || child.how === 'cross')
            return p;
        const join = child;
        const L = join.left.output.length;
        const R = join.right.output.length;
        const semi = join.how === 'left_semi' || join.how === 'left_anti';
        const residual = uses([join.residual]);
        const leftNeed = uses(join.leftKeys);
        const rightNeed = uses(join.rightKeys);
        for (const i of [...used, ...residual]) {
            if (i < L)
                leftNeed.add(i);
            else if (!semi || residual.has(i))
                rightNeed.add(i - L);
        }
        const keepL = keepList(leftNeed);
        const keepR = keepList(rightNeed);
        if (keepL.length === L && keepR.length === R)
            return p;
        const lmap = new Map(keepL.map((old, i) => [old, i]));
        const rmap = new Map(keepR.map((old, i) => [old, i]));
        const both = new Map([...lmap, ...[...rmap].map(([o, n]) => [o + L, n + keepL.length])]);
        const output = semi ? keepL.map((i) => join.output[i]) : [...keepL.map((i) => join.output[i]), ...keepR.map((j) => join.output[L + j])];
        const pruned = {
            ...join,
            left: narrow(join.left, keepL),
            right: narrow(join.right, keepR),
            leftKeys: join.leftKeys.map((k) => remap(k, lmap)),
            rightKeys: join.rightKeys.map((k) => remap(k, rmap)),
            residual: join.residual ? remap(join.residual, both) : null,
            output,
        };
        return mapExprs({ ...p, child: pruned }, (e) => remap(e, both));
    },
};
//# sourceMappingURL=prune-join-columns.js.map