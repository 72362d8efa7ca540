import { lookupAggregate } from '../agg/aggregate-function.js';
import { analyze } from '../analysis/analyzer.js';
import { AnalysisError, suggest } from '../analysis/errors.js';
import { DataFrame } from '../api/dataframe.js';
import { anyExpr, children, exprName } from '../expr/ast.js';
import { pivotPlan } from '../plan/pivot-plan.js';
import { isParsedSubquery } from '../parser/sql-ast.js';
import { mapExpr } from './expr-map.js';
import { mapExpr as mapTopDown } from '../analysis/expr-map.js';
/**
 * Compiles a parsed query into the LogicalPlan the DataFrame API builds (the same node kinds), so the analyzer,
 * optimizer, planner, explain and metrics are shared. Names are looked up here only where SQL's scoping needs it
 * (CTEs, views, select aliases in GROUP BY / HAVING / ORDER BY); everything else is left to the analyzer.
 */
/** Whether the analyzer resolves subquery expressions (scalarSubquery, exists, inSubquery). */
const SUBQUERY_EXPRESSIONS = true;
const FILE_FORMATS = new Set(['csv', 'json', 'parquet', 'text']);
const GENERATORS = new Set(['explode', 'explode_outer', 'posexplode', 'posexplode_outer']);
const col = (name) => ({ kind: 'column', name });
const alias = (child, name) => ({ kind: 'alias', child, name });
const stripAlias = (e) => (e.kind === 'alias' ? e.child : e);
const outputName = (e) => (e.kind === 'alias' ? e.name : exprName(e));
const containsWindow = (e) => anyExpr(e, (x) => x.kind === 'window');
function containsAggregate(e) {
    return anyExpr(e, (x) => x.kind === 'call' && !!lookupAggregate(x.name), (x) => x.kind !== 'window');
}
/** An integer literal (ORDER BY 1, GROUP BY 2, LIMIT 10), or undefined. */
function intLiteral(e) {
    if (e.kind !== 'literal')
        return undefined;
    if (typeof e.value === 'number' && Number.isInteger(e.value))
        return e.value;
    if (typeof e.value === 'bigint')
        return Number(e.value);
    return undefined;
}
export class QueryCompiler {
    session;
    /** CTEs in scope, innermost last (names lower-cased). */
    ctes = [];
    constructor(session) {
        this.session = session;
    }
    output(plan) {
        return analyze(plan).output;
    }
    query(q) {
        const scope = new Map();
        this.ctes.push(scope);
        try {
            for (const cte of q.ctes) {
                let plan = this.query(cte.query);
                if (cte.columns)
                    plan = this.renameColumns(plan, cte.columns, cte.name);
                scope.set(cte.name.toLowerCase(), { kind: 'subqueryAlias', child: plan, alias: cte.name });
            }
            let plan = q.body.kind === 'select' ? this.select(q.body.spec, q.orderBy) : this.sortOutput(this.body(q.body), q.orderBy);
            if (q.offset)
                plan = { kind: 'offset', child: plan, n: this.count(q.offset, 'OFFSET') };
            if (q.limit)
                plan = { kind: 'limit', child: plan, n: this.count(q.limit, 'LIMIT') };
            return plan;
        }
        finally {
            this.ctes.pop();
        }
    }
    count(e, what) {
        const n = intLiteral(e);
        if (n === undefined || n < 0) {
            throw new AnalysisError('INVALID_LIMIT_LIKE_EXPRESSION', `the ${what} expression ${exprName(e)} must be a non-negative integer literal`);
        }
        return n;
    }
    body(b) {
        switch (b.kind) {
            case 'select':
                return this.select(b.spec, []);
            case 'nested':
                return this.query(b.query);
            case 'values':
                return this.values(b.rows, b.alias);
            case 'table':
                return this.table(b.name, 1, 1);
            case 'setOp':
                return this.setOp(b);
        }
    }
    setOp(b) {
        const left = this.body(b.left);
        const right = this.body(b.right);
        if (b.op === 'union') {
            const union = { kind: 'union', children: [left, right], byName: false, allowMissingColumns: false };
            return b.all ? union : { kind: 'distinct', child: union, subset: null };
        }
        const l = new DataFrame(this.session, left);
        const r = new DataFrame(this.session, right);
        if (l.columns.length !== r.columns.length) {
            throw new AnalysisError('NUM_COLUMNS_MISMATCH', `${b.op.toUpperCase()} needs the same number of columns on both sides: the first has ${l.columns.length}, the second ${r.columns.length}`);
        }
        if (b.op === 'intersect')
            return (b.all ? l.intersectAll(r) : l.intersect(r)).plan;
        return (b.all ? l.exceptAll(r) : l.subtract(r)).plan;
    }
    /** ORDER BY over a set operation or VALUES: ordinals and names of the output only. */
    sortOutput(plan, orderBy) {
        if (!orderBy.length)
            return plan;
        const out = this.output(plan);
        const orders = orderBy.map((o) => {
            const s = o;
            const n = intLiteral(s.child);
            if (n === undefined)
                return { ...s, child: this.expr(s.child) };
            if (n < 1 || n > out.length)
                throw positionError('ORDER BY', n, out.length);
            return { ...s, child: col(out[n - 1].name) };
        });
        return { kind: 'sort', child: plan, orders };
    }
    // ---- SELECT -------------------------------------------------------------------------------------------------
    select(spec, orderBy) {
        const source = this.from(spec);
        let plan = source;
        if (spec.where)
            plan = { kind: 'filter', child: plan, condition: this.expr(spec.where) };
        const items = spec.items.map((e) => this.expr(e));
        if (spec.from.length === 0 && items.some((e) => e.kind === 'star')) {
            throw new AnalysisError('INVALID_USAGE_OF_STAR_OR_REGEX', `'*' needs a FROM clause to expand; name the values instead (SELECT 1 AS a)`);
        }
        const having = spec.having ? this.expr(spec.having) : null;
        const orders = orderBy.map((o) => this.expr(o));
        const isAggregate = spec.groupBy !== null || having !== null || items.some(containsAggregate) || orders.some((o) => containsAggregate(o.child));
        if (isAggregate)
            return this.aggregateSelect(plan, source, spec, items, having, orders);
        const projected = { kind: 'project', child: plan, exprs: items };
        const selected = spec.distinct ? { kind: 'distinct', child: projected, subset: null } : projected;
        if (!orders.length)
            return selected;
        const out = this.output(selected);
        // Each key resolves against the select's output first (aliases, ordinals); keys that do not are computed
        // as hidden columns next to the select list and dropped after the sort, as Spark does.
        const above = [];
        const hidden = [];
        for (const o of orders) {
            const n = intLiteral(o.child);
            if (n !== undefined) {
                if (n < 1 || n > out.length)
                    throw positionError('ORDER BY', n, out.length);
                above.push({ ...o, child: col(out[n - 1].name) });
                continue;
            }
            if (this.resolves(selected, o)) {
                above.push(o);
                continue;
            }
            if (spec.distinct) {
                // Re-raise the analyzer's error, which names the column.
                analyze({ kind: 'sort', child: selected, orders: [o] });
            }
            const name = `__sort${hidden.length}`;
            hidden.push(alias(o.child, name));
            above.push({ ...o, child: col(name) });
        }
        if (!hidden.length)
            return { kind: 'sort', child: selected, orders: above };
        const { inner, outer } = this.withHidden(items, out, hidden);
        const sorted = { kind: 'sort', child: { kind: 'project', child: plan, exprs: inner }, orders: above };
        return { kind: 'project', child: sorted, exprs: outer };
    }
    /**
     * The select list plus hidden columns, and the projection that drops them again. When output names repeat,
     * the select list is renamed internally so the outer projection can still tell its columns apart.
     */
    withHidden(items, out, hidden) {
        const names = out.map((a) => a.name.toLowerCase());
        const unique = new Set(names).size === names.length;
        if (unique)
            return { inner: [...items, ...hidden], outer: out.map((a) => col(a.name)) };
        if (items.some((e) => e.kind === 'star')) {
            throw new AnalysisError('AMBIGUOUS_REFERENCE', `the select list has repeated column names (${out.map((a) => a.name).join(', ')}); alias them to sort or filter by columns that are not selected`);
        }
        return {
            inner: [...items.map((e, i) => alias(stripAlias(e), `__c${i}`)), ...hidden],
            outer: items.map((e, i) => alias(col(`__c${i}`), outputName(e))),
        };
    }
    resolves(child, order) {
        try {
            analyze({ kind: 'sort', child, orders: [order] });
            return true;
        }
        catch (e) {
            if (e instanceof AnalysisError)
                return false;
            throw e;
        }
    }
    /** A select with GROUP BY, HAVING or aggregates: an Aggregate node (plus hidden aggregates for HAVING/ORDER BY). */
    aggregateSelect(plan, 
    /** The FROM plan without WHERE (whose outer references a correlated subquery cannot resolve on its own). */
    source, spec, items, having, orders) {
        const fromNames = new Set(this.output(source).map((a) => a.name.toLowerCase()));
        const aliases = new Map();
        for (const e of items)
            if (e.kind === 'alias' && !aliases.has(e.name.toLowerCase()))
                aliases.set(e.name.toLowerCase(), e.child);
        // A select alias used in GROUP BY / HAVING / ORDER BY stands for its expression (unless a FROM column has the name).
        const unalias = (e) => mapExpr(e, (x) => (x.kind === 'column' && !x.qualifier && !fromNames.has(x.name.toLowerCase()) && aliases.has(x.name.toLowerCase()) ? aliases.get(x.name.toLowerCase()) : x));
        let groupBy = [];
        let groupingSets = null;
        const g = spec.groupBy;
        if (g?.kind === 'all') {
            groupBy = items.filter((e) => !containsAggregate(e) && e.kind !== 'star').map(stripAlias);
        }
        else if (g) {
            const ordinal = (e) => {
                const n = intLiteral(e);
                if (n === undefined)
                    return unalias(this.expr(e));
                if (n < 1 || n > items.length)
                    throw positionError('GROUP BY', n, items.length);
                const item = stripAlias(items[n - 1]);
                if (containsAggregate(item)) {
                    throw new AnalysisError('GROUP_BY_POS_AGGREGATE', `GROUP BY ${n} refers to ${exprName(item)}, which contains an aggregate function; aggregates cannot be grouped by`);
                }
                return item;
            };
            groupBy = g.exprs.map(ordinal);
            if (g.sets)
                groupingSets = g.sets.map((s) => s.map(ordinal));
        }
        if (items.some((e) => e.kind === 'star')) {
            throw new AnalysisError('MISSING_AGGREGATION', `SELECT * cannot be used with GROUP BY or aggregates; list the grouped columns and the aggregates`);
        }
        if (items.some(containsWindow) || orders.some((o) => containsWindow(o.child))) {
            return this.windowsOverAggregate(plan, spec, groupBy, groupingSets, items, having ? unalias(having) : null, orders);
        }
        const hidden = [];
        if (having)
            hidden.push(alias(unalias(having), '__having'));
        const itemNames = items.map((e) => outputName(e).toLowerCase());
        const itemKeys = items.map((e) => exprName(stripAlias(e)).toLowerCase());
        const sortKeys = orders.map((o) => {
            const n = intLiteral(o.child);
            if (n !== undefined) {
                if (n < 1 || n > items.length)
                    throw positionError('ORDER BY', n, items.length);
                return { ...o, child: col(outputName(items[n - 1])) };
            }
            const c = o.child;
            if (c.kind === 'column' && !c.qualifier && itemNames.includes(c.name.toLowerCase()))
                return { ...o, child: col(outputName(items[itemNames.indexOf(c.name.toLowerCase())])) };
            const k = itemKeys.indexOf(exprName(c).toLowerCase());
            if (k >= 0)
                return { ...o, child: col(outputName(items[k])) };
            const name = `__sort${hidden.length}`;
            hidden.push(alias(unalias(c), name));
            return { ...o, child: col(name) };
        });
        const node = (aggs) => {
            const p = { kind: 'aggregate', child: plan, groupBy, aggs, outputKeys: false };
            if (groupingSets)
                p.groupingSets = groupingSets;
            return p;
        };
        if (!hidden.length) {
            const agg = node(items);
            const selected = spec.distinct ? { kind: 'distinct', child: agg, subset: null } : agg;
            return sortKeys.length ? { kind: 'sort', child: selected, orders: sortKeys } : selected;
        }
        const out = this.output(node(items));
        const { inner, outer } = this.withHidden(items, out, hidden);
        let p = node(inner);
        if (having)
            p = { kind: 'filter', child: p, condition: col('__having') };
        if (spec.distinct) {
            p = { kind: 'distinct', child: { kind: 'project', child: p, exprs: outer }, subset: null };
            return sortKeys.length ? { kind: 'sort', child: p, orders: sortKeys } : p;
        }
        // Sort keys refer to select names; with renamed items they are the internal names.
        const renamed = inner.length > items.length && inner[0]?.kind === 'alias' && inner[0].name === '__c0';
        const keys = renamed
            ? sortKeys.map((o) => {
                const s = o;
                const c = s.child;
                if (c.kind !== 'column' || c.name.startsWith('__sort'))
                    return o;
                const i = items.findIndex((e) => outputName(e).toLowerCase() === c.name.toLowerCase());
                return i >= 0 ? { ...s, child: col(`__c${i}`) } : o;
            })
            : sortKeys;
        if (keys.length)
            p = { kind: 'sort', child: p, orders: keys };
        return { kind: 'project', child: p, exprs: outer };
    }
    /**
     * Window functions over a grouped select (`rank() OVER (ORDER BY sum(x))`), as Spark plans them: the aggregate
     * computes every aggregate and grouping column the select list uses, and a projection above it computes the
     * window expressions over those columns.
     */
    windowsOverAggregate(plan, spec, groupBy, groupingSets, items, having, orders) {
        const lifted = [];
        const names = new Map();
        const liftAs = (e) => {
            const k = exprName(e).toLowerCase();
            let n = names.get(k);
            if (!n) {
                n = `__w${lifted.length}`;
                names.set(k, n);
                lifted.push(alias(e, n));
            }
            return col(n);
        };
        const keys = new Set(groupBy.map((g) => exprName(g).toLowerCase()));
        const lift = (e) => mapTopDown(e, (x) => {
            if (x.kind === 'window') {
                const fn = x.fn.kind === 'call' ? { ...x.fn, args: x.fn.args.map(lift) } : lift(x.fn);
                const orderBy = x.spec.orderBy.map((o) => (o.kind === 'sortOrder' ? { ...o, child: lift(o.child) } : lift(o)));
                return { ...x, fn, spec: { ...x.spec, partitionBy: x.spec.partitionBy.map(lift), orderBy } };
            }
            if (x.kind === 'call' && lookupAggregate(x.name))
                return liftAs(x);
            // Grouping expressions and columns come from the aggregate (which reports columns that are not grouped).
            if ((x.kind !== 'literal' && keys.has(exprName(x).toLowerCase())) || x.kind === 'column')
                return liftAs(x);
            return undefined;
        });
        const selected = items.map((e) => alias(lift(stripAlias(e)), outputName(e)));
        const havingCond = having ? lift(having) : null;
        if (havingCond && containsWindow(havingCond)) {
            throw new AnalysisError('UNSUPPORTED_WINDOW_EXPRESSION', 'HAVING cannot use window functions; compute them in a subquery and filter outside it');
        }
        const agg = { kind: 'aggregate', child: plan, groupBy, aggs: lifted, outputKeys: false };
        if (groupingSets)
            agg.groupingSets = groupingSets;
        const below = havingCond ? { kind: 'filter', child: agg, condition: havingCond } : agg;
        const projected = { kind: 'project', child: below, exprs: selected };
        const result = spec.distinct ? { kind: 'distinct', child: projected, subset: null } : projected;
        if (!orders.length)
            return result;
        const outNames = items.map((e) => outputName(e).toLowerCase());
        const itemKeys = items.map((e) => exprName(stripAlias(e)).toLowerCase());
        const sortKeys = orders.map((o) => {
            const n = intLiteral(o.child);
            if (n !== undefined) {
                if (n < 1 || n > items.length)
                    throw positionError('ORDER BY', n, items.length);
                return { ...o, child: col(outputName(items[n - 1])) };
            }
            const c = o.child;
            if (c.kind === 'column' && !c.qualifier && outNames.includes(c.name.toLowerCase()))
                return o;
            const k = itemKeys.indexOf(exprName(c).toLowerCase());
            if (k >= 0)
                return { ...o, child: col(outputName(items[k])) };
            throw new AnalysisError('UNSUPPORTED_FEATURE', `ORDER BY ${exprName(c)} in a grouped select with window functions must name a selected column, alias or position; select it too`);
        });
        return { kind: 'sort', child: result, orders: sortKeys };
    }
    // ---- FROM ---------------------------------------------------------------------------------------------------
    from(spec) {
        let plan = spec.from.length === 0
            ? { kind: 'range', start: 0, end: 1, step: 1, numPartitions: 1 }
            : spec.from.map((r) => this.relation(r)).reduce((l, r) => ({ kind: 'join', left: l, right: r, how: 'cross', on: null, using: null }));
        for (const lv of spec.lateralViews)
            plan = this.lateralView(plan, lv);
        if (spec.pivot)
            plan = this.pivot(plan, spec.pivot);
        return plan;
    }
    /**
     * FROM ... PIVOT (aggs FOR col IN (values)), as Spark: grouped by every input column that neither the aggregates
     * nor the pivot column use; one column per value (its alias, or the value as text) per aggregate.
     */
    pivot(plan, p) {
        const aggs = p.aggregates.map((a) => this.expr(a));
        const used = new Set([p.column.toLowerCase()]);
        const collect = (e) => {
            if (e.kind === 'column')
                used.add(e.name.toLowerCase());
            for (const c of children(e))
                collect(c);
        };
        aggs.forEach(collect);
        const keys = this.output(plan)
            .filter((a) => !used.has(a.name.toLowerCase()))
            .map((a) => ({ kind: 'column', name: a.name }));
        const values = p.values.map((v) => {
            const e = this.expr(v);
            const inner = e.kind === 'alias' ? e.child : e;
            const negated = inner.kind === 'unary' && inner.op === 'negate' && inner.child.kind === 'literal' ? inner.child : null;
            if (inner.kind !== 'literal' && !negated) {
                throw new AnalysisError('NON_LITERAL_PIVOT_VALUES', `Literal expressions required for pivot values, found '${exprName(inner)}'.`);
            }
            const text = inner.kind === 'literal' ? (inner.value === null ? 'null' : String(inner.value)) : `-${String(negated.value)}`;
            return { value: inner, name: e.kind === 'alias' ? e.name : text };
        });
        return pivotPlan(plan, keys, { kind: 'column', name: p.column }, values, aggs);
    }
    lateralView(plan, lv) {
        const name = lv.outer && !lv.fn.endsWith('_outer') ? `${lv.fn}_outer` : lv.fn;
        if (!GENERATORS.has(name)) {
            throw new AnalysisError('UNSUPPORTED_GENERATOR.NOT_GENERATOR', `${lv.fn} is not a generator; LATERAL VIEW takes explode, explode_outer, posexplode or posexplode_outer`);
        }
        const call = { kind: 'call', name, args: lv.args.map((a) => this.expr(a)) };
        const gen = lv.columns.length
            ? { kind: 'alias', child: call, name: lv.columns[lv.columns.length - 1], names: lv.columns, qualifier: lv.table }
            : { kind: 'alias', child: call, name: 'col', qualifier: lv.table };
        return { kind: 'project', child: plan, exprs: [{ kind: 'star' }, gen] };
    }
    relation(r) {
        switch (r.kind) {
            case 'table':
                return this.aliased(this.table(r.name, r.line, r.column), r.alias);
            case 'subquery':
                return this.aliased(this.query(r.query), r.alias);
            case 'parenthesized':
                return this.aliased(this.relation(r.relation), r.alias);
            case 'values':
                return this.values(r.rows, r.alias);
            case 'tableFunction':
                return this.aliased(this.tableFunction(r.name, r.args), r.alias);
            case 'join': {
                const left = this.relation(r.left);
                const right = this.relation(r.right);
                return { kind: 'join', left, right, how: r.how, on: r.on ? this.expr(r.on) : null, using: r.using };
            }
        }
    }
    aliased(plan, a) {
        if (!a)
            return plan;
        const renamed = a.columns ? this.renameColumns(plan, a.columns, a.name) : plan;
        return { kind: 'subqueryAlias', child: renamed, alias: a.name };
    }
    renameColumns(plan, names, what) {
        const out = this.output(plan);
        if (out.length !== names.length) {
            throw new AnalysisError('ASSIGNMENT_ARITY_MISMATCH', `'${what}' names ${names.length} columns but its query has ${out.length} (${out.map((a) => a.name).join(', ')})`);
        }
        const counts = new Map();
        for (const a of out)
            counts.set(a.name.toLowerCase(), (counts.get(a.name.toLowerCase()) ?? 0) + 1);
        if ([...counts.values()].some((c) => c > 1)) {
            // Repeated names cannot be told apart by name: number them by position through an inner rename.
            throw new AnalysisError('AMBIGUOUS_REFERENCE', `cannot rename the columns of '${what}': its query repeats column names (${out.map((a) => a.name).join(', ')}); alias them in the query`);
        }
        return { kind: 'project', child: plan, exprs: out.map((a, i) => alias({ kind: 'column', name: a.name }, names[i])) };
    }
    /** A view, CTE or file (csv.`path`); errors name the position and suggest the nearest name. */
    table(parts, line, column) {
        if (parts.length === 1) {
            const name = parts[0];
            for (let i = this.ctes.length - 1; i >= 0; i--) {
                const p = this.ctes[i].get(name.toLowerCase());
                if (p)
                    return p;
            }
            if (this.session.catalog.hasView(name))
                return this.session.catalog.lookup(name);
        }
        if (parts.length === 2 && FILE_FORMATS.has(parts[0].toLowerCase())) {
            return this.session.read.format(parts[0].toLowerCase()).load(parts[1]).plan;
        }
        const name = parts.join('.');
        const known = [...this.ctes.flatMap((s) => [...s.values()].map((p) => (p.kind === 'subqueryAlias' ? p.alias : ''))), ...this.session.catalog.listTables()];
        const near = suggest(name, known);
        throw new AnalysisError('TABLE_OR_VIEW_NOT_FOUND', `the table or view '${name}' cannot be found (line ${line}, column ${column})${near.length ? `; did you mean '${near[0]}'?` : ''}. Create it with CREATE TEMP VIEW or df.createOrReplaceTempView('${name}')`);
    }
    tableFunction(name, args) {
        if (name !== 'range') {
            throw new AnalysisError('UNRESOLVABLE_TABLE_VALUED_FUNCTION', `'${name}' is not a table-valued function; the one Kindling has is range(start, end, step, numPartitions)`);
        }
        const nums = args.map((a) => {
            const n = intLiteral(this.expr(a));
            if (n === undefined)
                throw new AnalysisError('DATATYPE_MISMATCH', `range(...) takes integer literals, not ${exprName(a)}`);
            return n;
        });
        if (nums.length < 1 || nums.length > 4)
            throw new AnalysisError('WRONG_NUM_ARGS', `range takes 1 to 4 arguments (end | start, end[, step[, numPartitions]]), not ${nums.length}`);
        if (nums.length === 1)
            return this.session.range(nums[0]).plan;
        if (nums[2] === 0)
            throw new AnalysisError('DATATYPE_MISMATCH', 'range: step must not be 0');
        return this.session.range(nums[0], nums[1], nums[2] ?? 1, nums[3]).plan;
    }
    /** VALUES rows: one projection of a single-row relation per row, under a UNION ALL (types widen as Spark's). */
    values(rows, a) {
        const width = rows[0].length;
        if (rows.some((r) => r.length !== width)) {
            throw new AnalysisError('INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH', `every row of VALUES needs ${width} values, as the first one has`);
        }
        const names = a?.columns ?? rows[0].map((_, i) => `col${i + 1}`);
        if (names.length !== width)
            throw new AnalysisError('ASSIGNMENT_ARITY_MISMATCH', `VALUES has ${width} columns but ${names.length} names`);
        const one = { kind: 'range', start: 0, end: 1, step: 1, numPartitions: 1 };
        const projected = rows.map((r) => ({ kind: 'project', child: one, exprs: r.map((e, i) => alias(this.expr(e), names[i])) }));
        const plan = projected.length === 1 ? projected[0] : { kind: 'union', children: projected, byName: false, allowMissingColumns: false };
        return a ? { kind: 'subqueryAlias', child: plan, alias: a.name } : plan;
    }
    // ---- expressions --------------------------------------------------------------------------------------------
    /** Compiles subqueries inside an expression into plans (the expression forms of expr/ast.ts). */
    expr(e) {
        return mapExpr(e, (x) => (isParsedSubquery(x) ? this.subquery(x) : x));
    }
    subquery(s) {
        if (!SUBQUERY_EXPRESSIONS) {
            const what = s.form === 'scalar' ? 'scalar subqueries, (SELECT ...)' : s.form === 'exists' ? 'EXISTS (SELECT ...)' : 'IN (SELECT ...)';
            throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY', `${what} are not supported yet; rewrite the query with a join`);
        }
        const plan = this.query(s.query);
        const e = s.form === 'scalar'
            ? { kind: 'scalarSubquery', plan }
            : s.form === 'exists'
                ? { kind: 'exists', plan }
                : { kind: 'inSubquery', values: s.values, plan };
        return e;
    }
}
function positionError(clause, n, size) {
    return new AnalysisError(`${clause === 'ORDER BY' ? 'ORDER_BY' : 'GROUP_BY'}_POS_OUT_OF_RANGE`, `${clause} position ${n} is not in the select list (valid positions: 1 to ${size})`);
}
//# sourceMappingURL=compile.js.map