import { exprName } from '../expr/ast.js';
import { lookupAggregate } from '../agg/aggregate-function.js';
import { LongType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { AnalysisError } from './errors.js';
import { mapExpr } from './expr-map.js';
const GID = '__gid';
const keyName = (i) => `__gk${i}`;
const outputName = (e) => (e.kind === 'alias' ? e.name : exprName(e));
const same = (a, b) => exprName(a).toLowerCase() === exprName(b).toLowerCase();
/**
 * GROUPING SETS / ROLLUP / CUBE as Spark plans them: an Expand emits each row once per grouping set, with copies
 * of the grouping keys (NULL where the set leaves a key out) and a grouping id whose bit for key i (the first key
 * the most significant bit) is 1 when the set leaves it out; then an ordinary aggregate keyed by the key copies
 * and the id, so partial/final aggregation and the shuffle are the usual ones. Aggregate arguments see the
 * original columns; key references outside aggregates see the copies; grouping()/grouping_id() read the id.
 */
export function analyzeGroupingSets(plan, analyze, resolveOver, aggregateOver) {
    const child = analyze(plan.child);
    const keys = [...plan.groupBy];
    // The grouping keys are the union of the sets: a set's expression missing from groupBy is added (SQL's form).
    for (const set of plan.groupingSets)
        for (const e of set)
            if (!keys.some((k) => same(k, e)))
                keys.push(e);
    if (keys.length > 63)
        throw new AnalysisError('GROUPING_SIZE_LIMIT_EXCEEDED', `grouping sets can have at most 63 grouping columns, got ${keys.length}`);
    const bound = keys.map((k) => resolveOver(k, child.output));
    const n = child.output.length;
    const k = keys.length;
    const projections = plan.groupingSets.map((set) => {
        let gid = 0n;
        const copies = bound.map((b, i) => {
            if (set.some((e) => same(e, keys[i])))
                return b;
            gid |= 1n << BigInt(k - 1 - i);
            return { kind: 'literal', value: null, type: b.type };
        });
        const inputs = child.output.map((a, i) => ({ kind: 'input', ordinal: i, type: a.type.simpleString(), nullable: a.nullable }));
        return [...inputs, ...copies, { kind: 'literal', value: gid, type: 'bigint' }];
    });
    const output = [
        ...child.output,
        ...bound.map((b, i) => ({ name: keyName(i), type: attrType(b, child.output), nullable: true })),
        { name: GID, type: LongType, nullable: false },
    ];
    const expand = { kind: 'expand', child, projections, output };
    const bit = (i) => ({
        kind: 'binary',
        op: '%',
        left: { kind: 'binary', op: 'div', left: { kind: 'column', name: GID }, right: { kind: 'literal', value: 1n << BigInt(k - 1 - i), type: 'bigint' } },
        right: { kind: 'literal', value: 2n, type: 'bigint' },
    });
    const keyIndex = (e, fn) => {
        const i = keys.findIndex((x) => same(x, e));
        if (i < 0) {
            throw new AnalysisError('GROUPING_COLUMN_MISMATCH', `${fn}(${exprName(e)}): ${exprName(e)} is not a grouping column; the grouping columns are ${keys.map(exprName).join(', ')}`);
        }
        return i;
    };
    const rewrite = (e) => mapExpr(e, (x) => {
        if (x.kind === 'call') {
            const name = x.name.toLowerCase();
            if (name === 'grouping') {
                if (x.args.length !== 1)
                    throw new AnalysisError('WRONG_NUM_ARGS', `grouping() takes one grouping column, got ${x.args.length}`);
                return { kind: 'cast', child: bit(keyIndex(x.args[0], 'grouping')), to: 'tinyint', ansi: true };
            }
            if (name === 'grouping_id') {
                if (!x.args.length)
                    return { kind: 'column', name: GID };
                const m = x.args.length;
                return x.args
                    .map((a, j) => ({ kind: 'binary', op: '*', left: bit(keyIndex(a, 'grouping_id')), right: { kind: 'literal', value: 1n << BigInt(m - 1 - j), type: 'bigint' } }))
                    .reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b }));
            }
            if (lookupAggregate(x.name))
                return x;
        }
        const i = keys.findIndex((key) => same(key, x));
        return i >= 0 && x.kind !== 'literal' ? { kind: 'column', name: keyName(i) } : undefined;
    });
    const aggs = plan.aggs.map((a) => ({ kind: 'alias', child: rewrite(a.kind === 'alias' ? a.child : a), name: outputName(a) }));
    const aggregated = aggregateOver({ kind: 'aggregate', child: plan.child, groupBy: [...keys.map((_, i) => ({ kind: 'column', name: keyName(i) })), { kind: 'column', name: GID }], aggs }, expand);
    // Output as Spark's: the grouping keys under their names, then the aggregates (the grouping id is internal).
    // An aggregate built from SQL (outputKeys false) outputs only its select items, which name the keys themselves.
    const keyColumns = plan.outputKeys === false ? [] : keys.map((_, i) => i);
    const columns = [...keyColumns, ...plan.aggs.map((_, j) => k + 1 + j)];
    return {
        kind: 'project',
        child: aggregated,
        exprs: columns.map((c) => ({ kind: 'input', ordinal: c, type: aggregated.output[c].type.simpleString(), nullable: aggregated.output[c].nullable })),
        output: columns.map((c, i) => (i < keyColumns.length ? { ...aggregated.output[c], name: outputName(keys[i]), nullable: true } : aggregated.output[c])),
    };
}
function attrType(b, input) {
    return b.kind === 'input' ? input[b.ordinal].type : parseType(b.type);
}
//# sourceMappingURL=grouping-sets.js.map