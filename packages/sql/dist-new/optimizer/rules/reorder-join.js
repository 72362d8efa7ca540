import { commonType } from '../../eval/coercion.js';
import { parseType } from '../../types/parse-type.js';
import { inputsOf, isDeterministic, mapInputs } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
const isInnerish = (p) => p.kind === 'join' && (p.how === 'inner' || p.how === 'cross') && !p.broadcastHint;
const through = (b, map) => mapInputs(b, (i) => ({ ...i, ordinal: map[i.ordinal] }));
const castTo = (b, type) => (b.type === type ? b : { kind: 'cast', child: b, type, ansi: true });
const eq = (left, right) => ({ kind: 'binary', op: '=', left, right, type: 'boolean' });
function flatten(p) {
    if (p.kind === 'join' && isInnerish(p)) {
        const l = flattenOrLeaf(p.left);
        const r = flattenOrLeaf(p.right);
        const offset = l.leaves.reduce((n, x) => n + x.output.length, 0);
        const rmap = r.map.map((i) => i + offset);
        const map = [...l.map, ...rmap];
        const conds = [...l.conds, ...r.conds.map((c) => mapInputs(c, (i) => ({ ...i, ordinal: i.ordinal + offset })))];
        p.leftKeys.forEach((k, i) => conds.push(eq(through(k, l.map), through(p.rightKeys[i], rmap))));
        if (p.residual)
            conds.push(...splitConjuncts(through(p.residual, map)));
        return { leaves: [...l.leaves, ...r.leaves], conds, map };
    }
    if (p.kind === 'filter' && (isInnerish(p.child) || p.child.kind === 'filter' || p.child.kind === 'project')) {
        const c = flatten(p.child);
        if (!c)
            return null;
        return { ...c, conds: [...c.conds, ...splitConjuncts(through(p.condition, c.map))] };
    }
    if (p.kind === 'project' && p.exprs.every((e) => e.kind === 'input')) {
        const c = flatten(p.child);
        if (!c)
            return null;
        return { ...c, map: p.exprs.map((e) => c.map[e.ordinal]) };
    }
    return null;
}
function flattenOrLeaf(p) {
    return flatten(p) ?? { leaves: [p], conds: [], map: p.output.map((_, i) => i) };
}
/**
 * Spark's ReorderJoin (with PushPredicateThroughJoin's handling of inner joins): a chain of inner/cross joins —
 * typically `FROM a, b, c WHERE ...` — is rebuilt left-deep, starting from its first table and adding each time the
 * first remaining table that an equality condition connects to the tables joined so far (else one that any
 * condition connects, else the next in order), so that no join is a cartesian product when a condition could key
 * it. Each condition is placed at the lowest join that sees all its columns: equalities between the two sides
 * become hash keys, the rest the join's residual, and conditions on one table a filter on that table. A
 * projection on top restores the original column order. Plans with non-deterministic conditions are left alone.
 */
export const reorderJoin = {
    name: 'ReorderJoin',
    apply(p) {
        if (!(isInnerish(p) || (p.kind === 'filter' && isInnerish(p.child))))
            return p;
        const flat = flatten(p);
        if (!flat || flat.leaves.length < 2 || !flat.conds.every(isDeterministic))
            return p;
        const { leaves, conds, map } = flat;
        const start = [];
        leaves.reduce((n, x) => (start.push(n), n + x.output.length), 0);
        const leafOf = (pos) => {
            let i = leaves.length - 1;
            while (start[i] > pos)
                i--;
            return i;
        };
        const leavesOf = (b) => new Set([...inputsOf(b)].map(leafOf));
        const within = (s, set) => [...s].every((x) => set.has(x));
        const condLeaves = conds.map(leavesOf);
        // one-table conditions become filters on their table
        const placed = conds.map((_, i) => condLeaves[i].size === 1);
        const side = leaves.map((leaf, li) => {
            const own = conds.filter((_, i) => condLeaves[i].size === 1 && condLeaves[i].has(li));
            if (!own.length)
                return leaf;
            const local = own.map((c) => mapInputs(c, (x) => ({ ...x, ordinal: x.ordinal - start[li] })));
            const merged = leaf.kind === 'filter' ? [...splitConjuncts(leaf.condition), ...local] : local;
            const child = leaf.kind === 'filter' ? leaf.child : leaf;
            return { kind: 'filter', child, condition: andAll(merged), output: leaf.output };
        });
        const equiBetween = (ci, joined, x) => {
            const c = conds[ci];
            if (c.kind !== 'binary' || c.op !== '=')
                return false;
            const l = leavesOf(c.left), r = leavesOf(c.right);
            const only = (s, set) => s.size > 0 && within(s, set);
            const xs = new Set([x]);
            return (only(l, joined) && only(r, xs)) || (only(l, xs) && only(r, joined));
        };
        const connects = (ci, joined, x) => {
            const s = condLeaves[ci];
            return !placed[ci] && s.has(x) && [...s].some((y) => joined.has(y)) && [...s].every((y) => y === x || joined.has(y));
        };
        const joined = new Set([0]);
        let cur = side[0];
        let positions = leaves[0].output.map((_, i) => start[0] + i);
        const remaining = leaves.map((_, i) => i).slice(1);
        while (remaining.length) {
            const pick = remaining.find((x) => conds.some((_, ci) => !placed[ci] && equiBetween(ci, joined, x))) ??
                remaining.find((x) => conds.some((_, ci) => connects(ci, joined, x))) ??
                remaining[0];
            remaining.splice(remaining.indexOf(pick), 1);
            const newPositions = [...positions, ...leaves[pick].output.map((_, i) => start[pick] + i)];
            const local = new Map(newPositions.map((pos, i) => [pos, i]));
            const toLocal = (b) => mapInputs(b, (x) => ({ ...x, ordinal: local.get(x.ordinal) }));
            const L = positions.length;
            const leftKeys = [];
            const rightKeys = [];
            const residual = [];
            conds.forEach((c, ci) => {
                if (!connects(ci, joined, pick))
                    return;
                placed[ci] = true;
                if (equiBetween(ci, joined, pick) && c.kind === 'binary') {
                    const leftIsJoined = within(leavesOf(c.left), joined);
                    const lk = toLocal(leftIsJoined ? c.left : c.right);
                    const rk = mapInputs(toLocal(leftIsJoined ? c.right : c.left), (x) => ({ ...x, ordinal: x.ordinal - L }));
                    const t = commonType([parseType(lk.type), parseType(rk.type)]);
                    if (t) {
                        leftKeys.push(castTo(lk, t.simpleString()));
                        rightKeys.push(castTo(rk, t.simpleString()));
                        return;
                    }
                }
                residual.push(toLocal(c));
            });
            const right = side[pick];
            cur = {
                kind: 'join', left: cur, right, how: leftKeys.length || residual.length ? 'inner' : 'cross',
                leftKeys, rightKeys, residual: andAll(residual), output: [...cur.output, ...right.output],
            };
            joined.add(pick);
            positions = newPositions;
        }
        // conditions on no table at all (constants the folding left) stay above the joins
        const rest = conds.filter((_, ci) => !placed[ci] && condLeaves[ci].size === 0);
        const local = new Map(positions.map((pos, i) => [pos, i]));
        if (rest.length) {
            const cond = andAll(rest.map((c) => mapInputs(c, (x) => ({ ...x, ordinal: local.get(x.ordinal) }))));
            cur = { kind: 'filter', child: cur, condition: cond, output: cur.output };
        }
        const order = map.map((pos) => local.get(pos));
        if (order.length === cur.output.length && order.every((o, i) => o === i))
            return { ...cur, output: p.output };
        const exprs = order.map((o) => ({ kind: 'input', ordinal: o, type: cur.output[o].type.simpleString(), nullable: cur.output[o].nullable }));
        return { kind: 'project', child: cur, exprs, output: p.output };
    },
};
//# sourceMappingURL=reorder-join.js.map