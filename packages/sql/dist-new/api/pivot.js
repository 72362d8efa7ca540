import { exprName } from '../expr/ast.js';
import { AnalysisError } from '../analysis/errors.js';
import { Column } from './column.js';
import { toExpr } from './column.js';
import { pivotPlan } from '../plan/pivot-plan.js';
/** The aggregate expressions of agg(...), as GroupedData.agg reads them (Columns or {column: function}). */
function aggExprs(exprs) {
    const out = [];
    for (const e of exprs) {
        if (e instanceof Column)
            out.push(e.expr);
        else
            for (const [c, fn] of Object.entries(e))
                out.push({ kind: 'call', name: fn === 'mean' ? 'avg' : fn, args: [{ kind: 'column', name: c }] });
    }
    return out;
}
/** A pivot value as a column name, as Spark casts it to string (NULL is "null"). */
function valueName(v) {
    if (v === null || v === undefined)
        return 'null';
    if (v instanceof Date)
        return v.toISOString().replace('T', ' ').replace(/(\.000)?Z$/, '');
    return String(v);
}
/** groupBy(keys).pivot(p, values).agg(aggs) as plans (plan/pivot-plan.ts), analyzed now so mistakes fail here. */
export function pivotAggregate(df, keys, pivot, values, aggs) {
    const plan = pivotPlan(df.plan, keys, pivot, values.map((v) => ({ value: toExpr(v.value), name: v.name })), aggs);
    const D = df.constructor;
    return new D(df.session, plan).checkedSelf();
}
class PivotBase {
    df;
    keys;
    pivot;
    constructor(df, keys, pivot) {
        this.df = df;
        this.keys = keys;
        this.pivot = pivot;
    }
    agg(...exprs) {
        return this.run(aggExprs(exprs));
    }
    /** Rows per group and pivot value (NULL where there are none, as Spark). */
    count() {
        return this.run([{ kind: 'alias', name: 'count', child: { kind: 'call', name: 'count', args: [{ kind: 'literal', value: 1, type: null }] } }]);
    }
    sum(...cols) {
        return this.each('sum', cols);
    }
    avg(...cols) {
        return this.each('avg', cols);
    }
    mean(...cols) {
        return this.each('avg', cols);
    }
    min(...cols) {
        return this.each('min', cols);
    }
    max(...cols) {
        return this.each('max', cols);
    }
    each(fn, cols) {
        const names = cols.length ? cols : this.numericColumns();
        return this.run(names.map((c) => ({ kind: 'call', name: fn, args: [{ kind: 'column', name: c }] })));
    }
    numericColumns() {
        const skip = new Set([...this.keys, this.pivot].map((k) => (k.kind === 'column' ? k.name.toLowerCase() : '')));
        return this.df.dtypes.filter(([n, t]) => /^(tinyint|smallint|int|bigint|float|double|decimal)/.test(t) && !skip.has(n.toLowerCase())).map(([n]) => n);
    }
}
/** groupBy(...).pivot(col, values): the pivot values are given, so the aggregations are DataFrames right away. */
export class PivotedData extends PivotBase {
    values;
    constructor(df, keys, pivot, values) {
        super(df, keys, pivot);
        this.values = values;
    }
    run(aggs) {
        return pivotAggregate(this.df, this.keys, this.pivot, this.values.map((value) => ({ value, name: valueName(value) })), aggs);
    }
}
/**
 * groupBy(...).pivot(col) without values: like Spark, a job first finds the pivot column's distinct values (sorted,
 * NULL first; at most spark.sql.pivotMaxValues, 10000 by default), so the aggregations return Promises.
 */
export class PendingPivot extends PivotBase {
    async run(aggs) {
        const max = Number(this.df.session.conf.get('spark.sql.pivotMaxValues') ?? 10000);
        const p = new Column(this.pivot);
        const found = await this.df
            .select(p.alias('__pivot'), p.cast('string').alias('__name'))
            .distinct()
            .orderBy('__pivot')
            .limit(max + 1)
            .collect();
        if (found.length > max) {
            throw new AnalysisError('PIVOT_VALUES_LIMIT_EXCEEDED', `The pivot column ${exprName(this.pivot)} has more than ${max} distinct values, this could indicate an error. If this was intended, set spark.sql.pivotMaxValues to at least the number of distinct values of the pivot column.`);
        }
        return pivotAggregate(this.df, this.keys, this.pivot, found.map((r) => ({ value: r.__pivot, name: r.__name === null ? 'null' : String(r.__name) })), aggs);
    }
}
//# sourceMappingURL=pivot.js.map