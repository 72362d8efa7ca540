import { commonType } from '../eval/coercion.js';
import { inputsOf, remap } from '../optimizer/bound-utils.js';
import { parseType } from '../types/parse-type.js';
import { AnalysisError } from './errors.js';
function conjuncts(b) {
    return b.kind === 'binary' && b.op === 'and' ? [...conjuncts(b.left), ...conjuncts(b.right)] : [b];
}
const castTo = (b, type) => (b.type === type ? b : { kind: 'cast', child: b, type, ansi: true });
/**
 * Resolves a join. Equalities between a left-only and a right-only expression become hash keys (cast to a common
 * type on both sides, so equal keys hash alike); the rest of the condition stays a residual checked on candidate
 * pairs. `using` columns join on equality and appear once, as Spark does.
 */
export function analyzeJoin(plan, analyze, resolveOver) {
    const left = analyze(plan.left);
    const right = analyze(plan.right);
    const L = left.output.length;
    const combined = [...left.output, ...right.output];
    const leftKeys = [];
    const rightKeys = [];
    const residual = [];
    const addKey = (l, r) => {
        const t = commonType([parseType(l.type), parseType(r.type)]);
        if (!t)
            throw new AnalysisError('DATATYPE_MISMATCH', `cannot join ${l.type} with ${r.type}: the join keys have no common type`);
        leftKeys.push(castTo(l, t.simpleString()));
        rightKeys.push(castTo(r, t.simpleString()));
    };
    if (plan.using) {
        for (const name of plan.using) {
            const li = left.output.findIndex((a) => a.name.toLowerCase() === name.toLowerCase());
            const ri = right.output.findIndex((a) => a.name.toLowerCase() === name.toLowerCase());
            if (li < 0 || ri < 0) {
                const side = li < 0 ? 'left' : 'right';
                throw new AnalysisError('UNRESOLVED_USING_COLUMN_FOR_JOIN', `USING column '${name}' cannot be resolved on the ${side} side of the join`);
            }
            const la = left.output[li];
            const ra = right.output[ri];
            addKey({ kind: 'input', ordinal: li, type: la.type.simpleString(), nullable: la.nullable }, { kind: 'input', ordinal: ri, type: ra.type.simpleString(), nullable: ra.nullable });
        }
    }
    else if (plan.on) {
        const cond = resolveOver(plan.on, combined);
        for (const c of conjuncts(cond)) {
            if (c.kind === 'binary' && c.op === '=') {
                const l = inputsOf(c.left);
                const r = inputsOf(c.right);
                const leftOnly = (s) => s.size > 0 && [...s].every((i) => i < L);
                const rightOnly = (s) => s.size > 0 && [...s].every((i) => i >= L);
                const shift = (b) => remap(b, new Map([...inputsOf(b)].map((i) => [i, i - L])));
                if (leftOnly(l) && rightOnly(r)) {
                    addKey(c.left, shift(c.right));
                    continue;
                }
                if (rightOnly(l) && leftOnly(r)) {
                    addKey(c.right, shift(c.left));
                    continue;
                }
            }
            residual.push(c);
        }
    }
    const how = plan.how;
    const res = residual.length ? residual.reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b, type: 'boolean' })) : null;
    const nullableLeft = how === 'right' || how === 'full';
    const nullableRight = how === 'left' || how === 'full';
    const output = how === 'left_semi' || how === 'left_anti'
        ? left.output
        : [...left.output.map((a) => ({ ...a, nullable: a.nullable || nullableLeft })), ...right.output.map((a) => ({ ...a, nullable: a.nullable || nullableRight }))];
    const join = { kind: 'join', left, right, how, leftKeys, rightKeys, residual: res, output };
    if (!plan.using || how === 'left_semi' || how === 'left_anti')
        return join;
    // USING: the key columns once (from the side that keeps all rows; coalesced for full joins), then the others.
    const keyIdxL = plan.using.map((n) => left.output.findIndex((a) => a.name.toLowerCase() === n.toLowerCase()));
    const keyIdxR = plan.using.map((n) => right.output.findIndex((a) => a.name.toLowerCase() === n.toLowerCase()));
    const input = (i) => ({ kind: 'input', ordinal: i, type: output[i].type.simpleString(), nullable: output[i].nullable });
    const exprs = [];
    const names = [];
    keyIdxL.forEach((li, k) => {
        const ri = L + keyIdxR[k];
        const t = leftKeys[k].type;
        const l = castTo(input(li), t);
        const r = castTo(input(ri), t);
        exprs.push(how === 'right' ? r : how === 'full' ? { kind: 'call', name: 'coalesce', args: [l, r], type: t } : l);
        names.push({ name: left.output[li].name, type: parseType(t), nullable: how === 'full' ? left.output[li].nullable && right.output[keyIdxR[k]].nullable : output[how === 'right' ? ri : li].nullable });
    });
    output.forEach((a, i) => {
        if (keyIdxL.includes(i) || keyIdxR.map((r) => L + r).includes(i))
            return;
        exprs.push(input(i));
        names.push(a);
    });
    return { kind: 'project', child: join, exprs, output: names };
}
//# sourceMappingURL=join.js.map