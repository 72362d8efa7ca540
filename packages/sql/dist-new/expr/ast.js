/**
 * Expressions as plain data. They travel inside stage binaries to worker threads, so they are discriminated
 * unions of plain objects (no classes, no functions); `Column` is the user-facing wrapper that builds them.
 * Unresolved forms (a column by name, a function by name) come from the API; the analyzer turns them into bound
 * forms with types and input ordinals.
 */
import { windowExprName } from './window-name.js';
export const col = (name, qualifier) => (qualifier ? { kind: 'column', name, qualifier } : { kind: 'column', name });
export const lit = (value, type = null) => ({ kind: 'literal', value, type });
export const call = (name, ...args) => ({ kind: 'call', name, args });
/** Children of an expression, for generic walks. */
export function children(e) {
    switch (e.kind) {
        case 'column':
        case 'star':
        case 'literal':
        case 'scalarSubquery':
        case 'exists':
            return [];
        case 'inSubquery':
            return e.values;
        case 'alias':
        case 'unary':
        case 'cast':
        case 'sortOrder':
            return [e.child];
        case 'binary':
            return [e.left, e.right];
        case 'case':
            return [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
        case 'in':
            return [e.child, ...e.list];
        case 'call':
            return e.args;
        case 'window':
            return [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy];
    }
}
/** Whether `pred` holds for `e` or any expression inside it (not looking inside nodes `descend` rejects). */
export function anyExpr(e, pred, descend = () => true) {
    return pred(e) || (descend(e) && children(e).some((c) => anyExpr(c, pred, descend)));
}
/** Spark's auto-generated column name for an expression, e.g. "(a + 1)", "upper(name)", "count(1)". */
export function exprName(e) {
    switch (e.kind) {
        case 'column':
            return e.name;
        case 'star':
            return e.qualifier ? `${e.qualifier}.*` : '*';
        case 'literal':
            return e.value === null ? 'NULL' : typeof e.value === 'string' ? e.value : String(e.value);
        case 'alias':
            return e.name;
        case 'unary':
            return e.op === 'not'
                ? `(NOT ${exprName(e.child)})`
                : e.op === 'negate'
                    ? `(- ${exprName(e.child)})`
                    : e.op === 'isNull'
                        ? `(${exprName(e.child)} IS NULL)`
                        : e.op === 'isNotNull'
                            ? `(${exprName(e.child)} IS NOT NULL)`
                            : `isnan(${exprName(e.child)})`;
        case 'binary': {
            const op = e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op === 'like' ? 'LIKE' : e.op === 'rlike' ? 'RLIKE' : e.op;
            return `(${exprName(e.left)} ${op} ${exprName(e.right)})`;
        }
        case 'cast':
            return `CAST(${exprName(e.child)} AS ${e.to.toUpperCase()})`;
        case 'case':
            return `CASE ${e.branches.map((b) => `WHEN ${exprName(b.when)} THEN ${exprName(b.then)}`).join(' ')}${e.otherwise ? ` ELSE ${exprName(e.otherwise)}` : ''} END`;
        case 'in':
            return `(${exprName(e.child)} IN (${e.list.map(exprName).join(', ')}))`;
        case 'call':
            return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(exprName).join(', ')})`;
        case 'sortOrder':
            return `${exprName(e.child)} ${e.ascending ? 'ASC' : 'DESC'} NULLS ${e.nullsFirst ? 'FIRST' : 'LAST'}`;
        case 'window':
            return windowExprName(e.fn, e.spec, exprName);
        // Spark's names for subquery expressions.
        case 'scalarSubquery':
            return 'scalarsubquery()';
        case 'exists':
            return 'exists()';
        case 'inSubquery':
            return `(${e.values.length === 1 ? exprName(e.values[0]) : `named_struct(${e.values.map(exprName).join(', ')})`} IN (listquery()))`;
    }
}
/** Whether `e` contains a subquery expression (scalar, EXISTS or IN). */
export function containsSubquery(e) {
    return anyExpr(e, (x) => x.kind === 'scalarSubquery' || x.kind === 'exists' || x.kind === 'inSubquery');
}
//# sourceMappingURL=ast.js.map