import { combineFilters } from './rules/combine-filters.js';
import { collapseProject } from './rules/collapse-project.js';
import { pushFilterThroughProject } from './rules/push-filter-through-project.js';
import { pushLimitThroughProject } from './rules/push-limit-through-project.js';
import { pruneScanColumns } from './rules/prune-scan-columns.js';
import { pruneJoinColumns } from './rules/prune-join-columns.js';
import { prunePartitions } from './rules/prune-partitions.js';
import { constantFolding } from './rules/constant-folding.js';
import { booleanSimplification } from './rules/boolean-simplification.js';
import { pushFilterThroughJoin } from './rules/push-filter-through-join.js';
import { pushFilterIntoJoinCondition } from './rules/push-filter-into-join-condition.js';
import { pushFilterThroughAggregate } from './rules/push-filter-through-aggregate.js';
import { reorderJoin } from './rules/reorder-join.js';
/** The rules, in order. Each is a small module with its own plan tests. */
export const RULES = [
    constantFolding,
    booleanSimplification,
    pushFilterThroughProject,
    pushFilterThroughJoin,
    reorderJoin,
    pushFilterIntoJoinCondition,
    pushFilterThroughAggregate,
    combineFilters,
    collapseProject,
    pushLimitThroughProject,
    pruneJoinColumns,
    pruneScanColumns,
    prunePartitions,
];
function withChild(p, child) {
    return 'child' in p ? { ...p, child } : p;
}
function applyBottomUp(p, rule) {
    let q = p;
    if (p.kind === 'cached')
        return p; // the cached plan is used as it was first planned
    if ('child' in p)
        q = withChild(p, applyBottomUp(p.child, rule));
    else if (p.kind === 'join')
        q = { ...p, left: applyBottomUp(p.left, rule), right: applyBottomUp(p.right, rule) };
    else if (p.kind === 'union')
        q = { ...p, children: p.children.map((c) => applyBottomUp(c, rule)) };
    return rule.apply(q);
}
function schemaOf(p) {
    return p.output.map((a) => `${a.name}:${a.type.simpleString()}`).join(',');
}
/**
 * Applies every rule bottom-up, repeating until the plan stops changing (at most 10 rounds). A rule must not change
 * the plan's output schema; that is checked after each one.
 */
export function optimize(plan, rules = RULES) {
    const schema = schemaOf(plan);
    let cur = plan;
    for (let round = 0; round < 10; round++) {
        const before = fingerprint(cur);
        for (const rule of rules) {
            cur = applyBottomUp(cur, rule);
            if (schemaOf(cur) !== schema)
                throw new Error(`internal: optimizer rule ${rule.name} changed the output schema`);
        }
        if (fingerprint(cur) === before)
            break;
    }
    return cur;
}
/** A string that changes when the plan does (cached RDDs and data buffers are summarized, not serialized). */
function fingerprint(p) {
    return JSON.stringify(p, (k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? v.length : k === 'holder' ? null : v));
}
//# sourceMappingURL=optimizer.js.map