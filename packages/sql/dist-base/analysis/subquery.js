import { containsSubquery, exprName } from '../expr/ast.js';
import { lookupAggregate } from '../agg/aggregate-function.js';
import { AnalysisError, unresolvedColumn } from './errors.js';
import { mapExpr } from './expr-map.js';
const and = (xs) => xs.reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b }));
const or = (a, b) => ({ kind: 'binary', op: 'or', left: a, right: b });
const eq = (a, b) => ({ kind: 'binary', op: '=', left: a, right: b });
const isNull = (a) => ({ kind: 'unary', op: 'isNull', child: a });
const col = (name) => ({ kind: 'column', name });
const lit = (value, type = null) => ({ kind: 'literal', value, type });
const alias = (child, name) => ({ kind: 'alias', child, name });
const call = (name, ...args) => ({ kind: 'call', name, args });
function conjuncts(e) {
    return e.kind === 'binary' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}
function resolvesIn(attrs, name, qualifier) {
    const n = name.toLowerCase();
    const q = qualifier?.toLowerCase();
    return attrs.some((a) => a.name.toLowerCase() === n && (!q || a.qualifier?.toLowerCase() === q));
}
/** A side of one row (a global aggregate, a limit 1): broadcast, so the join is a broadcast nested loop. */
const oneRow = (child) => ({ kind: 'broadcastHint', child });
const outputName = (e) => (e.kind === 'alias' ? e.name : exprName(e));
/** Generated names of one rewrite: `__sq1`, `__sq2`, ... (deterministic, so equal queries give equal plans). */
class Names {
    n = 0;
    next() {
        return `__sq${++this.n}`;
    }
}
function hasAggregate(e) {
    let found = false;
    mapExpr(e, (x) => {
        if (x.kind === 'window')
            return x;
        if (x.kind === 'call' && lookupAggregate(x.name))
            found = true;
        return undefined;
    });
    return found;
}
const COUNT_LIKE = new Set(['count', 'count_if', 'approx_count_distinct']);
/** An aggregate expression's value over no rows: count-like aggregates are 0, the others NULL (Spark's). */
function emptyValueOf(e) {
    return mapExpr(e, (x) => {
        if (x.kind === 'call' && lookupAggregate(x.name))
            return COUNT_LIKE.has(x.name.toLowerCase()) ? lit(0n, 'bigint') : lit(null);
        if (x.kind === 'alias')
            return emptyValueOf(x.child);
        return undefined;
    });
}
function outerNotAllowed(where) {
    return new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED', `a correlated reference to the outer query is not allowed below ${where} in a subquery; correlate in the subquery's filter over its tables instead`);
}
/**
 * Takes the correlated predicates out of `plan`, a subquery of a query whose input is `outer`. Predicates are
 * found in filters (not under limits, unions, outer sides of joins, ...); nested subqueries in them are rewritten
 * first, with this subquery as their outer query.
 */
function pullUp(plan, outer, prefix, counter, analyze) {
    const pass = (p) => ({ plan: p, preds: [], exposed: [] });
    switch (plan.kind) {
        case 'filter': {
            const child = pullUp(plan.child, outer, prefix, counter, analyze);
            const conds = conjuncts(plan.condition);
            let base = child.plan;
            const withSub = conds.filter(containsSubquery);
            if (withSub.length)
                base = applySubqueryConjuncts(base, withSub, analyze);
            const local = analyze(base).output;
            const isOuterRef = (e) => e.kind === 'column' && (e.outer === true || !resolvesIn(local, e.name, e.qualifier));
            const plain = conds.filter((c) => !containsSubquery(c));
            const correlated = [];
            const rest = [];
            for (const c of plain) {
                let has = false;
                mapExpr(c, (x) => {
                    if (isOuterRef(x))
                        has = true;
                    return undefined;
                });
                (has ? correlated : rest).push(c);
            }
            if (!correlated.length) {
                return { ...child, plan: rest.length ? { kind: 'filter', child: base, condition: and(rest) } : base };
            }
            const exposedBy = new Map();
            const exposures = [];
            const preds = correlated.map((c) => mapExpr(c, (x) => {
                if (x.kind !== 'column')
                    return undefined;
                if (isOuterRef(x)) {
                    if (!resolvesIn(outer, x.name, x.qualifier)) {
                        const q = x.qualifier ? `${x.qualifier}.` : '';
                        throw unresolvedColumn(`${q}${x.name}`, [...local, ...outer].map((a) => a.name));
                    }
                    return x.qualifier ? { kind: 'column', name: x.name, qualifier: x.qualifier } : { kind: 'column', name: x.name };
                }
                const key = `${x.qualifier ?? ''}.${x.name}`.toLowerCase();
                let name = exposedBy.get(key);
                if (!name) {
                    name = `${prefix}_c${counter.n++}`;
                    exposedBy.set(key, name);
                    exposures.push(alias(x, name));
                }
                return col(name);
            }));
            const filtered = rest.length ? { kind: 'filter', child: base, condition: and(rest) } : base;
            return {
                ...child,
                plan: { kind: 'project', child: filtered, exprs: [{ kind: 'star' }, ...exposures] },
                preds: [...child.preds, ...preds],
                exposed: [...child.exposed, ...exposedBy.values()],
                // HAVING over a correlated aggregate: its value over no rows is not derived here.
                ...(child.emptyValues ? { emptyValues: null } : {}),
            };
        }
        case 'project': {
            // select(avg(x)) without groupBy is a global aggregate (as the analyzer reads it).
            if (plan.exprs.some(hasAggregate))
                return pullUp({ kind: 'aggregate', child: plan.child, groupBy: [], aggs: plan.exprs }, outer, prefix, counter, analyze);
            const child = pullUp(plan.child, outer, prefix, counter, analyze);
            if (!child.preds.length)
                return pass({ ...plan, child: child.plan });
            let emptyValues = child.emptyValues;
            if (emptyValues) {
                const known = emptyValues;
                emptyValues = new Map(plan.exprs.map((e) => [
                    outputName(e).toLowerCase(),
                    mapExpr(e.kind === 'alias' ? e.child : e, (x) => (x.kind === 'column' ? (known.get(x.name.toLowerCase()) ?? lit(null)) : undefined)),
                ]));
            }
            return { ...child, plan: { ...plan, child: child.plan, exprs: [...plan.exprs, ...child.exposed.map(col)] }, emptyValues };
        }
        case 'aggregate': {
            const child = pullUp(plan.child, outer, prefix, counter, analyze);
            if (!child.preds.length)
                return pass({ ...plan, child: child.plan });
            if (plan.groupingSets)
                throw outerNotAllowed('GROUPING SETS / ROLLUP / CUBE');
            const exposed = child.exposed.map(col);
            // An aggregate built from SQL (outputKeys false) outputs only its items: the exposed keys join them.
            const aggs = plan.outputKeys === false ? [...plan.aggs, ...exposed] : plan.aggs;
            const aggregated = { ...plan, child: child.plan, groupBy: [...plan.groupBy, ...exposed], aggs };
            if (plan.groupBy.length)
                return { ...child, plan: aggregated, grouped: true, emptyValues: null };
            return { ...child, plan: aggregated, emptyValues: new Map(plan.aggs.map((a) => [outputName(a).toLowerCase(), emptyValueOf(a)])) };
        }
        case 'subqueryAlias':
        case 'sort': {
            const child = pullUp(plan.child, outer, prefix, counter, analyze);
            return { ...child, plan: { ...plan, child: child.plan } };
        }
        case 'distinct': {
            const child = pullUp(plan.child, outer, prefix, counter, analyze);
            const subset = plan.subset && child.exposed.length ? [...plan.subset, ...child.exposed] : plan.subset;
            return { ...child, plan: { ...plan, child: child.plan, subset }, emptyValues: null };
        }
        case 'join': {
            const left = pullUp(plan.left, outer, prefix, counter, analyze);
            const right = pullUp(plan.right, outer, prefix, counter, analyze);
            if (left.preds.length && !['inner', 'cross', 'left', 'left_semi', 'left_anti'].includes(plan.how))
                throw outerNotAllowed(`the left side of a ${plan.how} join`);
            if (right.preds.length && !['inner', 'cross', 'right'].includes(plan.how))
                throw outerNotAllowed(`the right side of a ${plan.how} join`);
            return {
                plan: { ...plan, left: left.plan, right: right.plan },
                preds: [...left.preds, ...right.preds],
                exposed: [...left.exposed, ...right.exposed],
                grouped: !!(left.grouped || right.grouped),
                ...(left.preds.length || right.preds.length ? { emptyValues: null } : {}),
            };
        }
        default:
            // Leaves, and nodes below which correlation is not pulled (limit, union, ...): analysis reports any outer
            // reference left inside them as unresolved.
            return pass(plan);
    }
}
function side(plan, outer, prefix, analyze) {
    const pulled = pullUp(plan, outer, prefix, { n: 0 }, analyze);
    const output = analyze(pulled.plan).output;
    const gen = new Set(pulled.exposed.map((n) => n.toLowerCase()));
    const values = [];
    const exposed = pulled.exposed.map((n) => output.findIndex((a) => a.name.toLowerCase() === n.toLowerCase()));
    output.forEach((a, i) => {
        if (!gen.has(a.name.toLowerCase()))
            values.push(i);
    });
    return { pulled, output, values, exposed };
}
/** The side's columns as `<prefix>_v<i>` (values) and the exposed keys, under the qualifier `prefix`. */
function sideRelation(s, prefix, values) {
    const columns = [...(values ? s.values.map((ordinal, i) => ({ ordinal, name: `${prefix}_v${i}` })) : []), ...s.exposed.map((ordinal) => ({ ordinal }))];
    return { kind: 'subqueryAlias', alias: prefix, child: { kind: 'pickColumns', child: s.pulled.plan, columns } };
}
/** Whether the correlation predicates are each `outer expr = exposed key`, so a left join on them adds no rows. */
function isEquiCorrelation(s) {
    return s.pulled.preds.every((p) => nonEquiReason(s, p) === null);
}
function nonEquiReason(s, p) {
    const gen = new Set(s.pulled.exposed.map((n) => n.toLowerCase()));
    const isGen = (e) => e.kind === 'column' && !e.qualifier && gen.has(e.name.toLowerCase());
    const usesGen = (e) => {
        let uses = false;
        mapExpr(e, (x) => {
            if (isGen(x))
                uses = true;
            return undefined;
        });
        return uses;
    };
    const ok = p.kind === 'binary' && p.op === '=' && ((isGen(p.left) && !usesGen(p.right)) || (isGen(p.right) && !usesGen(p.left)));
    return ok ? null : exprName(p);
}
/** Correlation predicates a left join can use without duplicating outer rows: `outer expr = exposed key` each. */
function requireEquiCorrelation(s, form) {
    for (const p of s.pulled.preds) {
        const bad = nonEquiReason(s, p);
        if (bad !== null) {
            const fix = form === 'a scalar subquery'
                ? 'Correlate a scalar subquery by equalities only, as Spark requires (one aggregate row per outer key).'
                : 'Move the subquery to a WHERE conjunct of its own, where any correlation predicate works.';
            throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_PREDICATE_NOT_EQUALITY', `${form === 'a scalar subquery' ? 'a correlated scalar subquery' : `${form} outside a top-level filter conjunct`} supports only equality correlation predicates (inner column = outer expression); '${bad}' is not one. ${fix}`);
        }
    }
}
function scalarValueColumn(s) {
    if (s.values.length !== 1) {
        throw new AnalysisError('INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN', `a scalar subquery must return one column, but it returns ${s.values.length}: ${s.values.map((i) => s.output[i].name).join(', ')}`);
    }
    return s.output[s.values[0]];
}
/** The plan being built for one filter or select: the outer input, growing by joins. */
class Rewriter {
    plan;
    names;
    analyze;
    outer;
    constructor(plan, names, analyze) {
        this.plan = plan;
        this.names = names;
        this.analyze = analyze;
        this.outer = analyze(plan).output;
    }
    /** Whether joins added columns (left/cross joins): then the original columns are picked at the end. */
    widened = false;
    join(right, how, on) {
        if (how === 'left' || how === 'cross')
            this.widened = true;
        this.plan = { kind: 'join', left: this.plan, right, how, on: on.length ? and(on) : null, using: null };
    }
    /** A WHERE conjunct: semi/anti joins for [NOT] EXISTS and [NOT] IN; otherwise a condition over joined values. */
    conjunct(c) {
        const negated = c.kind === 'unary' && c.op === 'not';
        const inner = negated ? c.child : c;
        if (inner.kind === 'exists') {
            const prefix = this.names.next();
            const s = side(inner.plan, this.outer, prefix, this.analyze);
            const right = s.exposed.length
                ? sideRelation(s, prefix, false)
                : oneRow({ kind: 'project', child: { kind: 'limit', child: s.pulled.plan, n: 1 }, exprs: [alias(lit(1), `${prefix}_one`)] });
            this.join(right, negated ? 'left_anti' : 'left_semi', s.pulled.preds);
            return null;
        }
        if (inner.kind === 'inSubquery') {
            const prefix = this.names.next();
            const s = side(inner.plan, this.outer, prefix, this.analyze);
            if (s.values.length !== inner.values.length) {
                throw new AnalysisError('DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH', `the IN subquery returns ${s.values.length} column(s) but is compared with ${inner.values.length} value(s); make their numbers match`);
            }
            const eqs = and(inner.values.map((v, i) => eq(v, col(`${prefix}_v${i}`))));
            let cond = eqs;
            if (negated) {
                // NOT IN is NULL (so the row is dropped) when a comparison is NULL: a NULL value or a NULL in the subquery.
                const nonNull = inner.values.every((v) => v.kind === 'column' && this.outer.some((a) => a.name.toLowerCase() === v.name.toLowerCase() && !a.nullable)) &&
                    s.values.every((i) => !s.output[i].nullable);
                if (!nonNull && inner.values.length === 1 && isEquiCorrelation(s))
                    this.nullAwareGuard(inner.values[0], inner.plan);
                else if (!nonNull)
                    cond = or(eqs, isNull(eqs));
            }
            this.join(sideRelation(s, prefix, true), negated ? 'left_anti' : 'left_semi', [cond, ...s.pulled.preds]);
            return null;
        }
        return this.values(c);
    }
    /**
     * Single-column `x NOT IN (q)` as a hash anti join: first keep only the rows NOT IN can be TRUE for — q empty
     * (for this outer row), or x not NULL and no NULL in q — from q's row and NULL counts; then the anti join on
     * x = v drops the matches (Spark's null-aware anti join, without a nested-loop condition).
     */
    nullAwareGuard(x, plan) {
        const p = this.names.next();
        const s = side(plan, this.outer, p, this.analyze);
        const counts = {
            kind: 'aggregate',
            child: sideRelation(s, p, true),
            groupBy: s.pulled.exposed.map(col),
            aggs: [
                alias(call('count', lit(1)), `${p}_n`),
                alias(call('sum', { kind: 'case', branches: [{ when: isNull(col(`${p}_v0`)), then: lit(1) }], otherwise: lit(0) }), `${p}_nn`),
            ],
        };
        this.join(s.pulled.preds.length ? { kind: 'subqueryAlias', alias: p, child: counts } : oneRow({ kind: 'subqueryAlias', alias: p, child: counts }), s.pulled.preds.length ? 'left' : 'cross', s.pulled.preds);
        const zero = (c) => eq(call('coalesce', col(c), lit(0n, 'bigint')), lit(0));
        this.plan = {
            kind: 'filter',
            child: this.plan,
            condition: or(zero(`${p}_n`), and([{ kind: 'unary', op: 'isNotNull', child: x }, zero(`${p}_nn`)])),
        };
    }
    /** `e` with each subquery expression replaced by a column that joins added to the plan compute. */
    values(e) {
        return mapExpr(e, (x) => {
            switch (x.kind) {
                case 'scalarSubquery':
                    return this.scalar(x.plan);
                case 'exists':
                    return this.existsFlag(x.plan);
                case 'inSubquery':
                    return this.inValue(x.values.map((v) => this.values(v)), x.plan);
                default:
                    return undefined;
            }
        });
    }
    scalar(plan) {
        const prefix = this.names.next();
        const s = side(plan, this.outer, prefix, this.analyze);
        const value = scalarValueColumn(s);
        if (!s.pulled.preds.length) {
            // One row whatever the subquery returns: the value, NULL for no rows, an error for more than one.
            const one = {
                kind: 'project',
                child: {
                    kind: 'aggregate',
                    child: sideRelation(s, prefix, true),
                    groupBy: [],
                    aggs: [alias(call('count', lit(1)), `${prefix}_n`), alias(call('first', col(`${prefix}_v0`), lit(false)), `${prefix}_f`)],
                },
                exprs: [alias(call('__scalar_subquery_value', col(`${prefix}_n`), col(`${prefix}_f`)), `${prefix}_v`)],
            };
            this.join(oneRow({ kind: 'subqueryAlias', alias: prefix, child: one }), 'cross', []);
            return col(`${prefix}_v`);
        }
        if (s.pulled.grouped || s.pulled.emptyValues === undefined) {
            throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY', `a correlated scalar subquery must be an aggregate without its own grouping keys (so it returns one row per outer row), e.g. select(max('x')) filtered by the correlation; this one could return several rows`);
        }
        requireEquiCorrelation(s, 'a scalar subquery');
        const empty = s.pulled.emptyValues?.get(value.name.toLowerCase());
        if (!empty) {
            throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_SCALAR_SUBQUERY_SHAPE', `Kindling cannot derive this correlated scalar subquery's value over no matching rows (a filter above its aggregate); compute the aggregate in the subquery and compare outside it`);
        }
        const marked = { kind: 'project', child: sideRelation(s, prefix, true), exprs: [{ kind: 'star' }, alias(lit(true), `${prefix}_m`)] };
        this.join({ kind: 'subqueryAlias', alias: prefix, child: marked }, 'left', s.pulled.preds);
        const v = col(`${prefix}_v0`);
        if (empty.kind === 'literal' && empty.value === null)
            return v;
        // Where no group matched, the aggregate's value over no rows (the count bug: count(*) is 0, not NULL).
        return {
            kind: 'case',
            branches: [{ when: isNull(col(`${prefix}_m`)), then: { kind: 'cast', child: empty, to: value.type.simpleString(), ansi: true } }],
            otherwise: v,
        };
    }
    existsFlag(plan) {
        const prefix = this.names.next();
        const s = side(plan, this.outer, prefix, this.analyze);
        if (!s.pulled.preds.length) {
            const flag = { kind: 'aggregate', child: s.pulled.plan, groupBy: [], aggs: [alias({ kind: 'binary', op: '>', left: call('count', lit(1)), right: lit(0) }, `${prefix}_m`)] };
            this.join(oneRow({ kind: 'subqueryAlias', alias: prefix, child: flag }), 'cross', []);
            return col(`${prefix}_m`);
        }
        requireEquiCorrelation(s, 'EXISTS');
        const keys = { kind: 'aggregate', child: sideRelation(s, prefix, false), groupBy: s.pulled.exposed.map(col), aggs: [alias(lit(true), `${prefix}_m`)] };
        this.join({ kind: 'subqueryAlias', alias: prefix, child: keys }, 'left', s.pulled.preds);
        return call('coalesce', col(`${prefix}_m`), lit(false));
    }
    /**
     * `x IN (q)` as a value: TRUE if some row equals x; else FALSE if q has no rows (for this outer row); else NULL
     * if x is NULL or q has a NULL; else FALSE. A match flag from one join, row counts from another.
     */
    inValue(values, plan) {
        if (values.length !== 1) {
            throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MULTI_COLUMN_IN_SUBQUERY_AS_VALUE', `an IN subquery over ${values.length} columns works as a WHERE conjunct of its own, not inside OR or a select list`);
        }
        const x = values[0];
        const p1 = this.names.next();
        const s1 = side(plan, this.outer, p1, this.analyze);
        if (s1.values.length !== 1) {
            throw new AnalysisError('DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH', `the IN subquery returns ${s1.values.length} columns but is compared with one value`);
        }
        if (s1.pulled.preds.length)
            requireEquiCorrelation(s1, 'IN');
        const matches = {
            kind: 'aggregate',
            child: sideRelation(s1, p1, true),
            groupBy: [col(`${p1}_v0`), ...s1.pulled.exposed.map(col)],
            aggs: [alias(lit(true), `${p1}_m`)],
        };
        this.join({ kind: 'subqueryAlias', alias: p1, child: matches }, 'left', [eq(x, col(`${p1}_v0`)), ...s1.pulled.preds]);
        const p2 = this.names.next();
        const s2 = side(plan, this.outer, p2, this.analyze);
        const counts = {
            kind: 'aggregate',
            child: sideRelation(s2, p2, true),
            groupBy: s2.pulled.exposed.map(col),
            aggs: [
                alias(call('count', lit(1)), `${p2}_n`),
                alias(call('sum', { kind: 'case', branches: [{ when: isNull(col(`${p2}_v0`)), then: lit(1) }], otherwise: lit(0) }), `${p2}_nn`),
            ],
        };
        this.join(s2.pulled.preds.length ? { kind: 'subqueryAlias', alias: p2, child: counts } : oneRow({ kind: 'subqueryAlias', alias: p2, child: counts }), s2.pulled.preds.length ? 'left' : 'cross', s2.pulled.preds);
        return {
            kind: 'case',
            branches: [
                { when: { kind: 'unary', op: 'isNotNull', child: col(`${p1}_m`) }, then: lit(true) },
                { when: eq(call('coalesce', col(`${p2}_n`), lit(0n, 'bigint')), lit(0)), then: lit(false) },
                { when: or(isNull(x), { kind: 'binary', op: '>', left: col(`${p2}_nn`), right: lit(0) }), then: lit(null, 'boolean') },
            ],
            otherwise: lit(false),
        };
    }
    /** The plan with only the outer input's columns (the generated ones dropped). */
    original(extra = 0) {
        return { kind: 'pickColumns', child: this.plan, columns: Array.from({ length: this.outer.length + extra }, (_, ordinal) => ({ ordinal })) };
    }
}
/** `child` filtered by `conds` (each containing a subquery), with `child`'s columns. */
export function applySubqueryConjuncts(child, conds, analyze, names = new Names()) {
    const r = new Rewriter(child, names, analyze);
    const residual = conds.map((c) => r.conjunct(c)).filter((c) => c !== null);
    if (residual.length)
        r.plan = { kind: 'filter', child: r.plan, condition: and(residual) };
    return r.widened ? r.original() : r.plan;
}
/** filter(child, cond) with subqueries in cond: the plain conjuncts filter first, then the subquery ones. */
export function rewriteFilter(plan, analyze) {
    const conds = conjuncts(plan.condition);
    const plain = conds.filter((c) => !containsSubquery(c));
    const base = plain.length ? { kind: 'filter', child: plan.child, condition: and(plain) } : plan.child;
    return applySubqueryConjuncts(base, conds.filter(containsSubquery), analyze);
}
/** select(...) with subqueries in its expressions: computed over the joined plan, then the select's columns picked. */
export function rewriteProject(plan, analyze) {
    const r = new Rewriter(plan.child, new Names(), analyze);
    const exprs = plan.exprs.map((e) => (e.kind === 'star' ? e : r.values(e)));
    const width = analyze(r.plan).output.length;
    const computed = [];
    const columns = [];
    plan.exprs.forEach((e, i) => {
        if (e.kind === 'star') {
            r.outer.forEach((a, ordinal) => {
                if (!e.qualifier || a.qualifier?.toLowerCase() === e.qualifier.toLowerCase())
                    columns.push({ ordinal });
            });
            return;
        }
        columns.push({ ordinal: width + computed.length, name: outputName(e) });
        computed.push(alias(exprs[i], `__sqp${computed.length}`));
    });
    return { kind: 'pickColumns', child: { kind: 'project', child: r.plan, exprs: [{ kind: 'star' }, ...computed] }, columns };
}
/**
 * An aggregate whose output expressions hold subqueries (SQL's HAVING and select lists compile to those): the
 * aggregate computes their aggregate calls and grouping-key references as hidden columns, and a select over it
 * evaluates the expressions with the subqueries (rewritten as in a select), keeping the aggregate's column order.
 * The subqueries see the aggregate's output, so they cannot be correlated with the rows being aggregated.
 */
export function rewriteAggregate(plan, analyze) {
    const hidden = [];
    const isKey = (x) => x.kind !== 'literal' && plan.groupBy.some((g) => exprName(g).toLowerCase() === exprName(x).toLowerCase());
    const lift = (e) => mapExpr(e, (x) => {
        if (x.kind === 'scalarSubquery' || x.kind === 'exists')
            return x;
        if (x.kind === 'inSubquery')
            return { ...x, values: x.values.map(lift) };
        if ((x.kind === 'call' && lookupAggregate(x.name)) || isKey(x)) {
            const name = `__sqa${hidden.length}`;
            hidden.push(alias(x, name));
            return col(name);
        }
        return undefined;
    });
    const plain = plan.aggs.filter((e) => !containsSubquery(e));
    const withSub = plan.aggs.filter(containsSubquery).map((e) => alias(lift(e.kind === 'alias' ? e.child : e), outputName(e)));
    const inner = { ...plan, aggs: [...plain, ...hidden] };
    const width = analyze(inner).output.length;
    const keyCount = width - plain.length - hidden.length;
    const selected = { kind: 'project', child: inner, exprs: [{ kind: 'star' }, ...withSub] };
    let p = 0;
    let s = 0;
    const columns = [
        ...Array.from({ length: keyCount }, (_, ordinal) => ({ ordinal })),
        ...plan.aggs.map((e) => ({ ordinal: containsSubquery(e) ? width + s++ : keyCount + p++ })),
    ];
    return { kind: 'pickColumns', child: selected, columns };
}
//# sourceMappingURL=subquery.js.map