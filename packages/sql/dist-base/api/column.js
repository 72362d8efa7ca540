import { exprName, lit as litExpr } from '../expr/ast.js';
/** A DataFrame, seen from here without importing it (dataframe.ts imports this module). */
function isDataFrameLike(v) {
    return typeof v === 'object' && v !== null && 'plan' in v && 'session' in v && !(v instanceof Column);
}
/** A literal, or a column when given a Column. Strings are literals here, as in Spark's Column operators. */
export function toExpr(v) {
    if (v instanceof Column)
        return v.expr;
    if (v === undefined)
        throw new TypeError('undefined is not a column or a value; use null for SQL NULL');
    return litExpr(v);
}
/** Spark's Column: an expression over a DataFrame's rows. Immutable; every method returns a new Column. */
export class Column {
    expr;
    constructor(expr) {
        this.expr = expr;
    }
    bin(op, other) {
        return new Column({ kind: 'binary', op, left: this.expr, right: toExpr(other) });
    }
    plus(other) {
        return this.bin('+', other);
    }
    minus(other) {
        return this.bin('-', other);
    }
    multiply(other) {
        return this.bin('*', other);
    }
    /** Always a double (or decimal), as Spark's `/`. */
    divide(other) {
        return this.bin('/', other);
    }
    mod(other) {
        return this.bin('%', other);
    }
    equalTo(other) {
        return this.bin('=', other);
    }
    eq(other) {
        return this.bin('=', other);
    }
    notEqual(other) {
        return this.bin('!=', other);
    }
    ne(other) {
        return this.bin('!=', other);
    }
    /** Null-safe equality: NULL <=> NULL is true. */
    eqNullSafe(other) {
        return this.bin('<=>', other);
    }
    lt(other) {
        return this.bin('<', other);
    }
    leq(other) {
        return this.bin('<=', other);
    }
    gt(other) {
        return this.bin('>', other);
    }
    geq(other) {
        return this.bin('>=', other);
    }
    and(other) {
        return this.bin('and', other);
    }
    or(other) {
        return this.bin('or', other);
    }
    not() {
        return new Column({ kind: 'unary', op: 'not', child: this.expr });
    }
    negate() {
        return new Column({ kind: 'unary', op: 'negate', child: this.expr });
    }
    isNull() {
        return new Column({ kind: 'unary', op: 'isNull', child: this.expr });
    }
    isNotNull() {
        return new Column({ kind: 'unary', op: 'isNotNull', child: this.expr });
    }
    isNaN() {
        return new Column({ kind: 'unary', op: 'isNaN', child: this.expr });
    }
    /**
     * `col.isin(1, 2, 3)` (a list), or `col.isin(df)`: an IN subquery over the one-column DataFrame `df` (which may
     * refer to this query's columns with col('x').outer()).
     */
    isin(...values) {
        if (values.length === 1 && isDataFrameLike(values[0])) {
            return new Column({ kind: 'inSubquery', values: [this.expr], plan: values[0].plan });
        }
        const list = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
        return new Column({ kind: 'in', child: this.expr, list: list.map(toExpr) });
    }
    between(lower, upper) {
        return this.geq(lower).and(this.leq(upper));
    }
    like(pattern) {
        return this.bin('like', pattern);
    }
    rlike(pattern) {
        return this.bin('rlike', pattern);
    }
    startsWith(prefix) {
        return new Column({ kind: 'call', name: 'startswith', args: [this.expr, toExpr(prefix)] });
    }
    endsWith(suffix) {
        return new Column({ kind: 'call', name: 'endswith', args: [this.expr, toExpr(suffix)] });
    }
    contains(other) {
        return new Column({ kind: 'call', name: 'contains', args: [this.expr, toExpr(other)] });
    }
    substr(pos, len) {
        return new Column({ kind: 'call', name: 'substring', args: [this.expr, toExpr(pos), toExpr(len)] });
    }
    /** Casts to a type (a DataType or Spark's type string such as 'int', 'decimal(10,2)'); invalid input is an error. */
    cast(to) {
        return new Column({ kind: 'cast', child: this.expr, to: typeof to === 'string' ? to : to.simpleString(), ansi: true });
    }
    /** Like cast, but invalid input gives null. */
    tryCast(to) {
        return new Column({ kind: 'cast', child: this.expr, to: typeof to === 'string' ? to : to.simpleString(), ansi: false });
    }
    alias(name) {
        return new Column({ kind: 'alias', child: this.expr.kind === 'alias' ? this.expr.child : this.expr, name });
    }
    as(name) {
        return this.alias(name);
    }
    name(name) {
        return this.alias(name);
    }
    /** when(...).when(...).otherwise(...): extends a CASE built by functions.when. */
    when(condition, value) {
        if (this.expr.kind !== 'case' || this.expr.otherwise) {
            throw new TypeError('when() can only follow functions.when(...) or another when(...), before otherwise()');
        }
        return new Column({ ...this.expr, branches: [...this.expr.branches, { when: condition.expr, then: toExpr(value) }] });
    }
    otherwise(value) {
        if (this.expr.kind !== 'case' || this.expr.otherwise) {
            throw new TypeError('otherwise() can only follow functions.when(...), once');
        }
        return new Column({ ...this.expr, otherwise: toExpr(value) });
    }
    asc() {
        return this.sort(true, true);
    }
    asc_nulls_first() {
        return this.sort(true, true);
    }
    asc_nulls_last() {
        return this.sort(true, false);
    }
    desc() {
        return this.sort(false, false);
    }
    desc_nulls_first() {
        return this.sort(false, true);
    }
    desc_nulls_last() {
        return this.sort(false, false);
    }
    sort(ascending, nullsFirst) {
        const child = this.expr.kind === 'sortOrder' ? this.expr.child : this.expr;
        return new Column({ kind: 'sortOrder', child, ascending, nullsFirst });
    }
    /** This window or aggregate function computed over a window: `rank().over(Window.partitionBy('k').orderBy('t'))`. */
    over(window) {
        const spec = window?.def ?? { partitionBy: [], orderBy: [], frame: null };
        return new Column({ kind: 'window', fn: this.expr, spec });
    }
    /**
     * Marks this column as an outer reference (Spark 4's Column.outer()): inside a subquery DataFrame it names a column
     * of the enclosing query, e.g. `orders.where(col('o_custkey').eq(col('c_custkey').outer())).exists()`.
     */
    outer() {
        if (this.expr.kind !== 'column')
            throw new TypeError(`outer() applies to a column reference, not to ${exprName(this.expr)}`);
        return new Column({ ...this.expr, outer: true });
    }
    toString() {
        return `Column<'${exprName(this.expr)}'>`;
    }
}
//# sourceMappingURL=column.js.map